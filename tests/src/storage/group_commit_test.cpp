// Many callers at once: every event acknowledged and stored exactly once, and commits shared.
#include <gtest/gtest.h>

#include <deque>
#include <mutex>
#include <semaphore>
#include <thread>

#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

class GroupCommit : public store_test {};
SENTINELLE_BOTH_STORES(GroupCommit);


constexpr int threads = 8;
constexpr int events_per_thread = 2000;
constexpr int in_flight_per_thread = 16;  // like concurrent requests on several connections

struct tally {
  std::atomic<int> stored{0};
  std::atomic<int> duplicates{0};
  std::atomic<int> failed{0};

  void count(const store_result& result) {
    if (!result.ok) {
      ++failed;
      return;
    }
    for (const store_outcome outcome : result.outcomes) {
      ++(outcome == store_outcome::stored ? stored : duplicates);
    }
  }
};

// Each thread stores one event per batch, keeping a few batches in flight.
void store_concurrently(event_store& store, tally& counts,
                        const std::function<std::string(int thread, int index)>& id_of) {
  using semaphore = std::counting_semaphore<in_flight_per_thread>;
  // Outlive the threads: a callback may still be returning from release() when its thread ends.
  std::vector<std::unique_ptr<semaphore>> all_slots;
  for (int thread = 0; thread < threads; ++thread) {
    all_slots.push_back(std::make_unique<semaphore>(in_flight_per_thread));
  }
  std::vector<std::thread> workers;
  for (int thread = 0; thread < threads; ++thread) {
    workers.emplace_back([&, thread] {
      semaphore& slots = *all_slots[static_cast<std::size_t>(thread)];
      for (int index = 0; index < events_per_thread; ++index) {
        slots.acquire();
        event survey = make_survey(id_of(thread, index), nov_20_ms + index * 60'000);
        survey.agent_id = "a-" + std::to_string(thread);
        store.store({std::move(survey)}, [&](const store_result& result) {
          counts.count(result);
          slots.release();
        });
      }
      for (int drained = 0; drained < in_flight_per_thread; ++drained) {
        slots.acquire();  // every callback of this thread has run
      }
    });
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
  store.flush();  // the writer is idle: no callback still touches a semaphore
}

TEST_P(GroupCommit, ConcurrentBatchesAreEachStoredOnceInSharedCommits) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const std::int64_t before = committed_transactions(*store);
  tally counts;
  store_concurrently(*store, counts, [](int thread, int index) {
    return "t" + std::to_string(thread) + "-" + std::to_string(index);
  });

  constexpr int batches = threads * events_per_thread;
  EXPECT_EQ(counts.stored.load(), batches);
  EXPECT_EQ(counts.duplicates.load(), 0);
  EXPECT_EQ(counts.failed.load(), 0);
  EXPECT_EQ(store->count_events(), batches);
  const std::int64_t transactions = committed_transactions(*store) - before;
  EXPECT_LT(transactions, batches / 4) << "group commit did not group";
  std::cout << "[ info ] " << batches << " batches in " << transactions << " transactions\n";

  const score_answer scores =
      store->scores({nov_20_ms, nov_20_ms + 3 * day_ms, dimension::agent_id, {}, {}});
  ASSERT_TRUE(scores.ok) << scores.error;
  EXPECT_EQ(scores.total.nps_promoters, batches);
  ASSERT_EQ(scores.groups.size(), static_cast<std::size_t>(threads));
  for (const score_totals& group : scores.groups) {
    EXPECT_EQ(group.nps_promoters, events_per_thread) << group.key;
  }
}

TEST_P(GroupCommit, TheSameIdsFromEveryThreadAreStoredOnce) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  tally counts;
  store_concurrently(*store, counts,
                     [](int, int index) { return "same-" + std::to_string(index); });

  EXPECT_EQ(counts.stored.load(), events_per_thread);
  EXPECT_EQ(counts.duplicates.load(), (threads - 1) * events_per_thread);
  EXPECT_EQ(counts.failed.load(), 0);
  EXPECT_EQ(store->count_events(), events_per_thread);
  const score_answer scores = store->scores({nov_20_ms, nov_20_ms + 3 * day_ms, {}, {}, {}});
  EXPECT_EQ(scores.total.nps_promoters, events_per_thread);
}

TEST_P(GroupCommit, ReadsRunBesideTheWriter) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  std::atomic<bool> writing{true};
  std::thread reader([&] {
    std::int64_t last = 0;
    while (writing.load()) {
      const std::int64_t count = store->count_events();
      EXPECT_GE(count, last);  // a reader sees committed states only, never going back
      last = count;
      const score_answer scores =
          store->scores({nov_20_ms, nov_20_ms + day_ms, dimension::agent_id, {}, {}});
      ASSERT_TRUE(scores.ok) << scores.error;
      std::int64_t in_groups = 0;
      for (const score_totals& group : scores.groups) {
        in_groups += group.nps_promoters;
      }
      // Every event has an agent: the groups and the total come from the same snapshot.
      EXPECT_EQ(in_groups, scores.total.nps_promoters);
    }
  });
  for (int index = 0; index < 200; ++index) {
    std::vector<event> batch;
    for (int item = 0; item < 5; ++item) {
      event survey = make_survey("r-" + std::to_string(index) + "-" + std::to_string(item));
      survey.agent_id = "a-" + std::to_string(item);
      batch.push_back(std::move(survey));
    }
    store->store(std::move(batch), nullptr);
  }
  store->flush();
  writing = false;
  reader.join();
  EXPECT_EQ(store->count_events(), 1000);
}

// An executor that keeps what it is handed until the test runs it, on the test's thread.
class held_answers {
 public:
  event_store::answer_executor executor() {
    return [this](std::function<void()> answers) {
      std::lock_guard lock(mutex_);
      held_.push_back(std::move(answers));
    };
  }
  std::size_t size() {
    std::lock_guard lock(mutex_);
    return held_.size();
  }
  void run_all() {
    std::deque<std::function<void()>> taken;
    {
      std::lock_guard lock(mutex_);
      taken.swap(held_);
    }
    for (auto& answers : taken) {
      answers();
    }
  }

 private:
  std::mutex mutex_;
  std::deque<std::function<void()>> held_;
};

// The server's case: the writer commits and hands the answers over, without waiting for them.
TEST_P(GroupCommit, AnswersHandedToAnExecutorRunWhereItRunsThemAfterTheCommit) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  held_answers held;
  store->answer_on(held.executor());
  std::atomic<int> answered{0};
  std::atomic<int> on_another_thread{0};
  const auto test_thread = std::this_thread::get_id();
  for (int index = 0; index < 3; ++index) {
    store->store({make_survey("held-" + std::to_string(index))}, [&](const store_result& result) {
      EXPECT_TRUE(result.ok) << result.error;
      on_another_thread += std::this_thread::get_id() != test_thread ? 1 : 0;
      ++answered;
    });
    store->flush();  // returns with the answer still held: the writer does not wait for it
  }
  EXPECT_EQ(store->count_events(), 3);  // committed before anyone was answered
  EXPECT_EQ(answered.load(), 0);
  EXPECT_EQ(held.size(), 3U);  // one hand-off a group

  held.run_all();
  EXPECT_EQ(answered.load(), 3);
  EXPECT_EQ(on_another_thread.load(), 0);

  store->answer_on(nullptr);  // back on the writer thread
  store->store({make_survey("inline")}, [&](const store_result& result) {
    EXPECT_TRUE(result.ok) << result.error;
    on_another_thread += std::this_thread::get_id() != test_thread ? 1 : 0;
    ++answered;
  });
  store->flush();
  EXPECT_EQ(answered.load(), 4);
  EXPECT_EQ(on_another_thread.load(), 1);
  EXPECT_EQ(held.size(), 0U);
}

}  // namespace
}  // namespace sentinelle
