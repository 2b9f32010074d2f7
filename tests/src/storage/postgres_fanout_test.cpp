// Cross-instance fan-out (storage/postgres/README.md, "Fan-out"): what one instance commits
// reaches the other's on_commit listener — the path to its consoles, scores feed and webhook
// worker — once, in seq order, also after its listening connection was killed.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/postgres/postgres_event_store.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;
using std::chrono::milliseconds;

constexpr milliseconds patience{10'000};  // bounded: a shared, loaded machine, not a hang

event detractor(const std::string& id, const std::string& team = "t-1") {
  event e = make_survey(id);
  e.team_id = team;
  e.nps = 1;
  e.detractor = true;
  e.reasons = {"score_detractor"};
  e.alert_severity = severity::high;
  return e;
}

// What one instance's on_commit listener was told, in the order it was told. The state is shared
// with the listener, not borrowed by it: a test's log dies before its stores, and a store's
// listener thread may still report a commit until the store is destroyed.
class commit_log {
 public:
  explicit commit_log(event_store& store) : told_(std::make_shared<told>()) {
    store.on_commit([told = told_](const commit_notice& notice) {
      std::lock_guard lock(told->mutex);
      told->records.insert(told->records.end(), notice.records.begin(), notice.records.end());
      told->groups.insert(told->groups.end(), notice.score_groups.begin(),
                          notice.score_groups.end());
      told->changed.notify_all();
    });
  }

  // Waits until `done(records, groups)` holds; false after `patience`.
  template <typename Predicate>
  bool wait_for(Predicate done) {
    std::unique_lock lock(told_->mutex);
    return told_->changed.wait_for(lock, patience,
                                   [&] { return done(told_->records, told_->groups); });
  }
  bool has_record(std::int64_t seq, stream_kind kind) {
    return wait_for([&](const std::vector<stream_record>& records, const auto&) {
      return std::any_of(records.begin(), records.end(),
                         [&](const stream_record& r) { return r.seq == seq && r.kind == kind; });
    });
  }
  std::vector<std::int64_t> seqs() {
    std::lock_guard lock(told_->mutex);
    std::vector<std::int64_t> out;
    for (const stream_record& record : told_->records) {
      out.push_back(record.seq);
    }
    return out;
  }

 private:
  struct told {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<stream_record> records;
    std::vector<std::pair<std::string, std::string>> groups;
  };
  std::shared_ptr<told> told_;
};

class PostgresFanout : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(database_.ok()) << database_.error(); }

  std::unique_ptr<postgres_event_store> open_instance() {
    std::string error;
    auto opened = database_.open(error);
    EXPECT_NE(opened, nullptr) << error;
    return std::unique_ptr<postgres_event_store>(
        dynamic_cast<postgres_event_store*>(opened.release()));
  }

  // The store's listening session once it differs from `other` (it connects on its own thread);
  // `other` after `patience`.
  static int listening_pid(const postgres_event_store& store, int other) {
    const auto until = std::chrono::steady_clock::now() + patience;
    int pid = store.listener_backend_pid();
    while ((pid == 0 || pid == other) && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(milliseconds(5));  // polling a condition, bounded
      pid = store.listener_backend_pid();
    }
    return pid;
  }

  // Terminates the store's listening session on the server; its pid (0: it never listened).
  int kill_listener(const postgres_event_store& store) {
    const int pid = listening_pid(store, 0);
    if (pid != 0) {
      database_.exec_as_admin("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
    }
    return pid;
  }

  std::vector<std::int64_t> whole_stream(event_store& store) {
    std::vector<stream_record> records;
    EXPECT_TRUE(store.replay(0, 10'000, records));
    std::vector<std::int64_t> seqs;
    for (const stream_record& record : records) {
      seqs.push_back(record.seq);
    }
    return seqs;
  }

  test_database database_{backend::postgres};
};

TEST_F(PostgresFanout, AnAlertCommittedOnOneInstanceReachesTheOtherOnce) {
  auto a = open_instance();
  auto b = open_instance();
  ASSERT_TRUE(a && b);
  commit_log on_b(*b);
  const auto started = std::chrono::steady_clock::now();
  const store_result stored = store_and_wait(*a, {detractor("d-1")});
  ASSERT_TRUE(stored.ok && stored.alerts[0]) << stored.error;
  ASSERT_TRUE(on_b.has_record(stored.alerts[0]->seq, stream_kind::alert));
  const auto latency = std::chrono::steady_clock::now() - started;
  RecordProperty("commit_to_other_instance_ms",
                 static_cast<int>(std::chrono::duration_cast<milliseconds>(latency).count()));
  // Once: a later commit's notification makes B read the stream again, and finds only it.
  ASSERT_TRUE(store_and_wait(*a, {make_survey("scores only")}).ok);
  const store_result later = store_and_wait(*a, {detractor("d-2")});
  ASSERT_TRUE(later.ok && later.alerts[0]) << later.error;
  ASSERT_TRUE(on_b.has_record(later.alerts[0]->seq, stream_kind::alert));
  EXPECT_EQ(on_b.seqs(), (std::vector<std::int64_t>{stored.alerts[0]->seq, later.alerts[0]->seq}));
}

TEST_F(PostgresFanout, InterleavedCommitsOfTwoInstancesReachBothInSeqOrderWithoutGaps) {
  auto a = open_instance();
  auto b = open_instance();
  ASSERT_TRUE(a && b);
  commit_log on_a(*a), on_b(*b);
  const auto send = [](event_store& store, const std::string& prefix) {
    for (int i = 0; i < 60; ++i) {
      std::vector<event> batch{detractor(prefix + std::to_string(i))};
      if (i % 3 == 0) {
        batch.push_back(detractor(prefix + "x" + std::to_string(i)));
      }
      store.store(std::move(batch), [](const store_result&) {});
    }
    store.flush();
  };
  std::thread on_first([&] { send(*a, "a-"); });
  std::thread on_second([&] { send(*b, "b-"); });
  on_first.join();
  on_second.join();
  const std::vector<std::int64_t> all = whole_stream(*a);
  ASSERT_EQ(all.size(), 160U);
  for (commit_log* log : {&on_a, &on_b}) {
    EXPECT_TRUE(log->wait_for(
        [&](const auto& records, const auto&) { return records.size() >= all.size(); }));
    EXPECT_EQ(log->seqs(), all);  // every seq, each once, increasing: no gap, no repeat
  }
}

TEST_F(PostgresFanout, AlertUpdatesAndScoreChangesReachTheOtherInstance) {
  auto a = open_instance();
  auto b = open_instance();
  ASSERT_TRUE(a && b);
  commit_log on_b(*b);
  const store_result raised = store_and_wait(*a, {detractor("d-1")});
  ASSERT_TRUE(raised.ok && raised.alerts[0]);
  const std::int64_t alert_seq = raised.alerts[0]->seq;
  ASSERT_EQ(change_and_wait(*a, {alert_seq, alert_action::acknowledge, "sup-1", "", 5}).result,
            alert_change_result::outcome::changed);
  ASSERT_TRUE(on_b.wait_for([&](const std::vector<stream_record>& records, const auto&) {
    return !records.empty() && records.back().kind == stream_kind::alert_update &&
           records.back().subject.seq == alert_seq &&
           records.back().subject.status == alert_status::acknowledged &&
           records.back().subject.acknowledged_by == "sup-1";
  }));
  // A survey without an alert: only scores move, and B's consoles learn which group.
  event plain = make_survey("plain");
  plain.team_id = "t-elsewhere";
  ASSERT_TRUE(store_and_wait(*a, {plain}).ok);
  EXPECT_TRUE(on_b.wait_for([](const auto&, const auto& groups) {
    return std::find(groups.begin(), groups.end(),
                     std::pair<std::string, std::string>("team_id", "t-elsewhere")) != groups.end();
  }));
}

TEST_F(PostgresFanout, AfterItsListeningConnectionIsKilledAnInstanceCatchesUp) {
  auto a = open_instance();
  auto b = open_instance();
  ASSERT_TRUE(a && b);
  commit_log on_b(*b);
  const int listening = kill_listener(*b);
  ASSERT_NE(listening, 0);
  // Committed while B is not listening: no notification reaches B for these.
  std::vector<event> batch;
  for (int i = 0; i < 5; ++i) {
    batch.push_back(detractor("missed-" + std::to_string(i)));
  }
  ASSERT_TRUE(store_and_wait(*a, std::move(batch)).ok);
  const std::vector<std::int64_t> all = whole_stream(*a);
  ASSERT_EQ(all.size(), 5U);
  EXPECT_TRUE(on_b.wait_for(
      [&](const auto& records, const auto&) { return records.size() >= all.size(); }));
  EXPECT_EQ(on_b.seqs(), all);
  const int relistening = listening_pid(*b, listening);
  EXPECT_NE(relistening, listening);
  EXPECT_NE(relistening, 0);
  // And it listens again: the next alert arrives by notification.
  const store_result next = store_and_wait(*a, {detractor("after")});
  ASSERT_TRUE(next.ok && next.alerts[0]);
  EXPECT_TRUE(on_b.has_record(next.alerts[0]->seq, stream_kind::alert));
}

// A's own commit comes after B's, while A has not heard of B's yet (its listener reconnects):
// publishing only its own record would skip B's forever, as the cursor would be past it.
TEST_F(PostgresFanout, ALocalCommitFirstPublishesWhatOtherInstancesCommittedBeforeIt) {
  auto a = open_instance();
  auto b = open_instance();
  ASSERT_TRUE(a && b);
  commit_log on_a(*a);
  ASSERT_NE(kill_listener(*a), 0);
  const store_result on_b = store_and_wait(*b, {detractor("b-first")});
  const store_result own = store_and_wait(*a, {detractor("a-second")});
  ASSERT_TRUE(on_b.ok && own.ok && on_b.alerts[0] && own.alerts[0]);
  ASSERT_TRUE(on_a.has_record(own.alerts[0]->seq, stream_kind::alert));
  EXPECT_EQ(on_a.seqs(), (std::vector<std::int64_t>{on_b.alerts[0]->seq, own.alerts[0]->seq}));
}

TEST_F(PostgresFanout, NotificationPayloadsCarryTheMovedGroups) {
  commit_notice notice;
  notice.records.push_back({42, stream_kind::alert, {}});
  notice.score_groups = {{"", ""}, {"team_id", "t-1"}, {"team_id", "t-1"}, {"agent_id", "a 7"}};
  std::vector<pg::score_group> groups;
  pg::read_notification_payload(pg::notification_payload(notice), groups);
  const std::vector<pg::score_group> expected{{"", ""}, {"agent_id", "a 7"}, {"team_id", "t-1"}};
  EXPECT_EQ(groups, expected);
  // A value that cannot be written, or too many groups: the total stands for them all.
  notice.score_groups = {{"team_id", "t\t1"}};
  groups.clear();
  pg::read_notification_payload(pg::notification_payload(notice), groups);
  EXPECT_EQ(groups, (std::vector<pg::score_group>{{"", ""}}));
  notice.score_groups.clear();
  for (int i = 0; i < 2000; ++i) {
    notice.score_groups.emplace_back("agent_id", "agent-" + std::to_string(i));
  }
  const std::string payload = pg::notification_payload(notice);
  EXPECT_LT(payload.size(), 8000U);
  groups.clear();
  pg::read_notification_payload(payload, groups);
  EXPECT_EQ(groups, (std::vector<pg::score_group>{{"", ""}}));
}

}  // namespace
}  // namespace sentinelle
