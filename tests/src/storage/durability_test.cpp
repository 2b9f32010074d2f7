// Durability by killing: a child process stores events and reports each acknowledged id, then
// SIGKILLs itself mid-stream; every acknowledged event must be in the file, and nothing half.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <semaphore>
#include <set>
#include <sstream>

#include "storage/sqlite_event_store.hpp"
#include "storage_test_support.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

constexpr int events_per_batch = 3;
constexpr int kill_after_acknowledged = 900;

// Appends piece by piece: g++ 12 warns falsely (-Wrestrict) on "b" + to_string(...) + "-" chains.
std::string batch_id(int batch, int item) {
  std::string id = "b";
  id += std::to_string(batch);
  id += '-';
  id += std::to_string(item);
  return id;
}

void write_all(int fd, const std::string& text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t count = ::write(fd, text.data() + written, text.size() - written);
    if (count <= 0) {
      ::_exit(4);
    }
    written += static_cast<std::size_t>(count);
  }
}

// The child: keeps 64 batches in flight; each callback reports its ids once committed; the
// submitting thread kills the process while the writer is busy with later groups.
[[noreturn]] void store_until_killed(const std::string& path, int acknowledgements) {
  std::string error;
  // Rollups never folded while it runs: the kill leaves its events out of them, for the next
  // open to fold (ScorePaths.EventsNotYetFolded… checks scores across folds).
  store_options options;
  options.rollup_fold = {SIZE_MAX, std::chrono::hours(1)};
  auto store = sqlite_event_store::open(path, error, options);
  if (store == nullptr) {
    ::_exit(2);
  }
  std::atomic<int> acknowledged{0};
  std::counting_semaphore<64> slots(64);
  for (int batch = 0;; ++batch) {
    if (acknowledged.load() >= kill_after_acknowledged) {
      ::kill(::getpid(), SIGKILL);
    }
    slots.acquire();
    std::vector<event> events;
    for (int item = 0; item < events_per_batch; ++item) {
      events.push_back(varied_event(batch * events_per_batch + item, batch_id(batch, item)));
    }
    store->store(std::move(events), [&, batch](const store_result& result) {
      if (result.ok) {
        std::string lines;
        for (int item = 0; item < events_per_batch; ++item) {
          lines += batch_id(batch, item);
          lines += '\n';
        }
        write_all(acknowledgements, lines);
        acknowledged += events_per_batch;
      }
      slots.release();
    });
  }
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  ssize_t count = 0;
  while ((count = ::read(fd, buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<std::size_t>(count));
  }
  return text;
}

// Rollup rows per (value, hour) next to the same counts recomputed from events.
std::pair<std::string, std::string> rollup_and_recount(const std::string& dimension) {
  const std::string rollup =
      "SELECT value, hour, SUM(nps_promoters), SUM(nps_passives), SUM(nps_detractors), "
      "SUM(csat_responses), SUM(csat_satisfied), SUM(csat_sum), SUM(ces_responses), "
      "SUM(ces_easy), SUM(ces_sum), SUM(verbatims), SUM(negative_verbatims), "
      "printf('%.6f', SUM(sentiment_sum)) FROM score_rollups WHERE dimension = '" +
      dimension + "' GROUP BY 1, 2 ORDER BY 1, 2";
  const std::string column = dimension.empty() ? "''" : dimension;
  const std::string recount =
      "SELECT " + column +
      ", occurred_at_ms / 3600000, IFNULL(SUM(nps >= 9), 0), "
      "IFNULL(SUM(nps BETWEEN 7 AND 8), 0), IFNULL(SUM(nps <= 6), 0), COUNT(csat), "
      "IFNULL(SUM(csat >= 4), 0), IFNULL(SUM(csat), 0), COUNT(ces), IFNULL(SUM(ces >= 5), 0), "
      "IFNULL(SUM(ces), 0), COUNT(sentiment_score), SUM(negative_verbatim), "
      "printf('%.6f', TOTAL(sentiment_score)) FROM events WHERE " +
      column + " <> '' OR '" + dimension + "' = '' GROUP BY 1, 2 ORDER BY 1, 2";
  return {rollup, recount};
}

TEST(Durability, EveryAcknowledgedEventSurvivesSigkillAndNothingIsHalfStored) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    store_until_killed(path, fds[1]);
  }
  ::close(fds[1]);
  const std::string acknowledged_text = read_all(fds[0]);
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;

  std::istringstream lines(acknowledged_text);
  std::set<std::string> acknowledged;
  for (std::string id; std::getline(lines, id);) {
    acknowledged.insert(id);
  }
  ASSERT_GE(acknowledged.size(), static_cast<std::size_t>(kill_after_acknowledged));

  EXPECT_EQ(raw_db(path).text("SELECT (SELECT MAX(seq) FROM events) > folded_seq "
                              "FROM rollup_watermark"),
            "1")
      << "the kill left no event out of the rollups: their fold at open is not tested";
  std::string error;
  auto store = sqlite_event_store::open(path, error);
  ASSERT_NE(store, nullptr) << error;
  std::size_t missing = 0;
  for (const std::string& id : acknowledged) {
    const bool found = store->find(event_kind::survey, "api", id).has_value() ||
                       store->find(event_kind::message, "api", id).has_value();
    missing += found ? 0 : 1;
  }
  EXPECT_EQ(missing, 0U) << "acknowledged but lost";
  const std::int64_t stored = store->count_events();
  EXPECT_GE(stored, static_cast<std::int64_t>(acknowledged.size()));
  std::cout << "[ info ] " << acknowledged.size() << " acknowledged, " << stored
            << " stored when killed\n";

  raw_db raw(path);
  EXPECT_EQ(raw.text("SELECT count(*) FROM (SELECT substr(id, 1, instr(id, '-')) AS batch "
                     "FROM events GROUP BY batch HAVING count(*) <> 3)"),
            "0")
      << "a batch was half stored";
  for (const std::string dimension :
       {"", "agent_id", "team_id", "queue", "channel", "touchpoint", "platform"}) {
    const auto [rollup, recount] = rollup_and_recount(dimension);
    EXPECT_EQ(raw.rows(rollup), raw.rows(recount)) << "dimension '" << dimension << "'";
  }
  EXPECT_EQ(raw.text("SELECT (SELECT MAX(seq) FROM events) = folded_seq FROM rollup_watermark"),
            "1");
  EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace sentinelle
