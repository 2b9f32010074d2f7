#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "storage/event.hpp"
#include "storage/event_store.hpp"

namespace sentinelle::storage_test {

namespace fs = std::filesystem;

// 2026-11-20T00:00:00Z, a Friday.
inline constexpr std::int64_t nov_20_ms = 1'795'132'800'000;
inline constexpr std::int64_t hour_ms = 3'600'000;
inline constexpr std::int64_t day_ms = 86'400'000;

// A fresh directory per test, removed afterwards.
class temp_dir {
 public:
  temp_dir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("sentinelle-storage-" + std::to_string(::getpid()) + "-" +
             (info != nullptr ? info->name() : "none") + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Plain SQLite access for what the store does not expose: pragmas, triggers, recounts.
class raw_db {
 public:
  explicit raw_db(const std::string& path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK)
        << path;
    sqlite3_busy_timeout(db_, 5000);
  }
  ~raw_db() { sqlite3_close(db_); }
  raw_db(const raw_db&) = delete;
  raw_db& operator=(const raw_db&) = delete;

  void exec(const std::string& sql) {
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << sql << ": " << (message != nullptr ? message : "");
    sqlite3_free(message);
  }

  // The extended result code of running `sql`, for statements expected to fail.
  int code(const std::string& sql) {
    sqlite3_extended_result_codes(db_, 1);
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }

  // Every row of `sql`, columns as text ("NULL" for null), joined by '|'.
  std::vector<std::string> rows(const std::string& sql) {
    std::vector<std::string> result;
    sqlite3_stmt* query = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &query, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    while (query != nullptr && sqlite3_step(query) == SQLITE_ROW) {
      std::string row;
      for (int column = 0; column < sqlite3_column_count(query); ++column) {
        const auto* text = sqlite3_column_text(query, column);
        row += (column > 0 ? "|" : "");
        row += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
      }
      result.push_back(row);
    }
    sqlite3_finalize(query);
    return result;
  }

  std::string text(const std::string& sql) {
    const std::vector<std::string> all = rows(sql);
    return all.empty() ? "<no row>" : all.front();
  }

 private:
  sqlite3* db_ = nullptr;
};

inline event make_survey(const std::string& id, std::int64_t occurred_at_ms = nov_20_ms) {
  event survey;
  survey.kind = event_kind::survey;
  survey.id = id;
  survey.occurred_at_ms = occurred_at_ms;
  survey.received_at_ms = occurred_at_ms + 1000;
  survey.agent_id = "a-1";
  survey.team_id = "t-1";
  survey.channel = "voice";
  survey.nps = 9;
  return survey;
}

// A deterministic variety of events over a few days: every answer, dimensions sometimes empty,
// sentiment in quarters (sums stay exact in floating point), an alert on one in four.
inline event varied_event(int n, const std::string& id) {
  event varied = make_survey(id, nov_20_ms + static_cast<std::int64_t>(n) * 7 * 60'000);
  varied.kind = n % 9 == 0 ? event_kind::message : event_kind::survey;
  varied.agent_id = n % 6 == 0 ? "" : "a-" + std::to_string(n % 5);
  varied.team_id = "t-" + std::to_string(n % 2);
  varied.queue = n % 4 == 0 ? "" : "q-" + std::to_string(n % 3);
  varied.channel = n % 3 == 0 ? "chat" : "voice";
  varied.touchpoint = n % 2 == 0 ? "after_call" : "";
  varied.platform = varied.kind == event_kind::message ? "facebook" : "";
  varied.nps = n % 7 == 0 ? std::nullopt : std::optional<int>(n % 11);
  varied.csat = n % 5 == 0 ? std::nullopt : std::optional<int>(n % 5 + 1);
  varied.ces = n % 4 == 1 ? std::nullopt : std::optional<int>(n % 7 + 1);
  if (n % 3 != 1) {
    varied.verbatim = "texte " + std::to_string(n);
    varied.sentiment_score = (n % 9 - 4) * 0.25;
    varied.negative_verbatim = n % 9 < 3;
  }
  if (n % 4 == 3) {
    varied.detractor = true;
    varied.reasons = {"negative_verbatim"};
    varied.alert_severity = severity::medium;
  }
  return varied;
}

// Stores a batch and waits for its callback.
inline store_result store_and_wait(event_store& store, std::vector<event> batch) {
  std::promise<store_result> done;
  std::future<store_result> result = done.get_future();
  store.store(std::move(batch), [&done](store_result outcome) { done.set_value(outcome); });
  return result.get();
}

// Acknowledges or resolves an alert and waits for its callback.
inline alert_change_result change_and_wait(event_store& store, alert_change change) {
  std::promise<alert_change_result> done;
  auto result = done.get_future();
  store.change_alert(std::move(change), [&](alert_change_result r) { done.set_value(r); });
  return result.get();
}

// Holds the writer inside the callback of a first batch until opened, so that every batch
// stored meanwhile is taken by the same next group.
class writer_gate {
 public:
  explicit writer_gate(event_store& store) {
    // The callback owns what it touches: it may still be returning from wait() when the gate
    // is gone.
    auto entered = std::make_shared<std::promise<void>>();
    std::future<void> has_entered = entered->get_future();
    store.store({make_survey("gate", nov_20_ms - day_ms)},
                [entered, released = released_](const store_result&) {
                  entered->set_value();
                  released.wait();
                });
    has_entered.wait();
  }
  ~writer_gate() { open(); }
  writer_gate(const writer_gate&) = delete;
  writer_gate& operator=(const writer_gate&) = delete;

  void open() {
    if (!opened_) {
      opened_ = true;
      release_.set_value();
    }
  }

 private:
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
  bool opened_ = false;
};

}  // namespace sentinelle::storage_test
