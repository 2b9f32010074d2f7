// The console fan-out on a real SQLite store: a console that reconnects while alerts keep
// committing gets every record after its seq exactly once, in order.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "../storage/storage_test_support.hpp"
#include "sinks/console_hub.hpp"
#include "storage/sqlite_event_store.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

event detractor(int n) {
  event e = make_survey("d-" + std::to_string(n));
  e.nps = 1;
  e.team_id = n % 2 == 0 ? "even" : "odd";
  e.detractor = true;
  e.reasons = {"score_detractor"};
  e.alert_severity = n % 3 == 0 ? severity::critical : severity::medium;
  return e;
}

// Records what one console received.
struct recording_console {
  std::mutex mutex;
  std::vector<std::int64_t> seqs;
  std::atomic<bool> closed{false};

  console_send sender() {
    return [this](const std::string& json, std::optional<std::int64_t> seq) {
      EXPECT_FALSE(json.empty());
      std::lock_guard lock(mutex);
      if (seq) {
        seqs.push_back(*seq);
      }
      return true;
    };
  }
  console_close closer() {
    return [this] { closed = true; };
  }
};

class ConsoleHub : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    store_ = sqlite_event_store::open(dir_.file("hub.db"), error);
    ASSERT_TRUE(store_) << error;
    hub_ = std::make_unique<console_hub>(*store_, 100000);
    store_->on_commit([this](const commit_notice& notice) { hub_->publish(notice.records); });
  }
  void TearDown() override { store_->on_commit(nullptr); }

  std::vector<std::int64_t> stored_seqs(const console_filter& filter) {
    std::vector<stream_record> all;
    EXPECT_TRUE(store_->replay(0, 1000000, all));
    std::vector<std::int64_t> seqs;
    for (const auto& record : all) {
      if (filter.matches(record.subject)) {
        seqs.push_back(record.seq);
      }
    }
    return seqs;
  }

  temp_dir dir_;
  std::unique_ptr<sqlite_event_store> store_;
  std::unique_ptr<console_hub> hub_;
};

TEST_F(ConsoleHub, AReconnectingConsoleMissesNothingWhileAlertsKeepCommitting) {
  for (int n = 0; n < 50; ++n) {
    store_and_wait(*store_, {detractor(n)});
  }
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    for (int n = 50; n < 400; ++n) {
      store_and_wait(*store_, {detractor(n)});
    }
    writing = false;
  });
  recording_console console;
  auto subscription = hub_->subscribe({}, 10, console.sender(), console.closer());
  ASSERT_TRUE(subscription);
  writer.join();
  store_->flush();
  std::vector<std::int64_t> expected;
  for (const std::int64_t seq : stored_seqs({})) {
    if (seq > 10) {
      expected.push_back(seq);
    }
  }
  std::lock_guard lock(console.mutex);
  EXPECT_EQ(console.seqs, expected);
  EXPECT_FALSE(console.closed);
}

TEST_F(ConsoleHub, FiltersApplyToReplayAndLiveAlike) {
  for (int n = 0; n < 30; ++n) {
    store_and_wait(*store_, {detractor(n)});
  }
  const console_filter urgent_even{"even", "", severity::critical};
  recording_console console;
  auto subscription = hub_->subscribe(urgent_even, 0, console.sender(), console.closer());
  for (int n = 30; n < 60; ++n) {
    store_and_wait(*store_, {detractor(n)});
  }
  store_->flush();
  std::lock_guard lock(console.mutex);
  EXPECT_EQ(console.seqs, stored_seqs(urgent_even));
  EXPECT_EQ(console.seqs.size(), 10U);  // n = 0, 6, 12, … 54
}

TEST_F(ConsoleHub, WithoutSinceOnlyNewRecordsAreSent) {
  store_and_wait(*store_, {detractor(1)});
  store_->flush();  // its commit is published after its callback: let that pass first
  recording_console console;
  auto subscription = hub_->subscribe({}, std::nullopt, console.sender(), console.closer());
  store_and_wait(*store_, {detractor(2)});
  store_->flush();
  std::lock_guard lock(console.mutex);
  ASSERT_EQ(console.seqs.size(), 1U);
  EXPECT_EQ(console.seqs[0], stored_seqs({}).back());
}

TEST_F(ConsoleHub, ARecordPublishedLateForWhatTheConsoleHasIsNotSentAgain) {
  store_and_wait(*store_, {detractor(1)});
  store_->flush();
  std::vector<stream_record> stored;
  ASSERT_TRUE(store_->replay(0, 10, stored));
  ASSERT_EQ(stored.size(), 1U);
  recording_console console;
  auto subscription =
      hub_->subscribe({}, stored[0].seq, console.sender(), console.closer());
  hub_->publish(stored);  // the commit's notice, arriving after the console subscribed
  std::lock_guard lock(console.mutex);
  EXPECT_TRUE(console.seqs.empty());
}

TEST_F(ConsoleHub, AConsoleFurtherBehindThanTheReplayLimitIsClosedAfterIt) {
  for (int n = 0; n < 20; ++n) {
    store_and_wait(*store_, {detractor(n)});
  }
  console_hub small(*store_, 5);
  recording_console console;
  small.subscribe({}, 0, console.sender(), console.closer());
  EXPECT_TRUE(console.closed);
  std::lock_guard lock(console.mutex);
  EXPECT_EQ(console.seqs.size(), 5U);
}

}  // namespace
}  // namespace sentinelle
