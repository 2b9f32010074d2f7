// When the writer folds the pending rollup counts (storage/README.md, "Folding").
#include "storage/deferred_rollups.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

namespace sentinelle {
namespace {

using namespace std::chrono_literals;
using clock_type = deferred_rollups::clock;

event survey_of_agent(const std::string& agent) {
  event e;
  e.occurred_at_ms = 1'795'132'800'000;  // 2026-11-20T00:00:00Z
  e.agent_id = agent;
  e.nps = 10;
  return e;
}

rollup_changes changes_of(int events) {
  rollup_changes changes;
  for (int n = 0; n < events; ++n) {
    changes.add(survey_of_agent("a-" + std::to_string(n % 3)));
  }
  return changes;
}

TEST(DeferredRollups, FoldsWhenACommitWouldTakeThePendingEventsPastTheMaximum) {
  deferred_rollups pending({10, 1h});
  const auto now = clock_type::now();
  EXPECT_FALSE(pending.fold_due(10, now)) << "exactly the maximum may wait";
  EXPECT_TRUE(pending.fold_due(11, now));
  pending.committed(changes_of(6), 6, now);
  EXPECT_FALSE(pending.fold_due(4, now));
  EXPECT_TRUE(pending.fold_due(5, now));
}

TEST(DeferredRollups, FoldsWhenTheOldestPendingCommitIsTooOld) {
  deferred_rollups pending({1000, 100ms});
  const auto start = clock_type::now();
  EXPECT_FALSE(pending.fold_due(1, start + 1h)) << "nothing pending: nothing is old";
  pending.committed(changes_of(1), 1, start);
  pending.committed(changes_of(1), 1, start + 90ms);  // the age counts from the oldest
  EXPECT_FALSE(pending.fold_due(1, start + 99ms));
  EXPECT_TRUE(pending.fold_due(1, start + 100ms));
}

TEST(DeferredRollups, AMaximumOfZeroFoldsEveryCommit) {
  deferred_rollups pending({0, 1h});
  EXPECT_TRUE(pending.fold_due(1, clock_type::now()));
}

TEST(DeferredRollups, SumsThePendingCountsPerRowUntilFolded) {
  deferred_rollups pending({SIZE_MAX, 1h});
  const auto now = clock_type::now();
  pending.committed(changes_of(3), 3, now);
  pending.committed(changes_of(3), 3, now);
  // Per bucket: the total row and one row per agent (a-0, a-1, a-2), each hour and day.
  ASSERT_EQ(pending.pending().hourly().size(), 4U);
  ASSERT_EQ(pending.pending().daily().size(), 4U);
  const auto total = pending.pending().hourly().begin();
  EXPECT_EQ(total->first.dimension, "");
  EXPECT_EQ(total->second.nps_promoters, 6);
  pending.folded();
  EXPECT_TRUE(pending.pending().empty());
  EXPECT_FALSE(pending.fold_due(1, now + 2h)) << "the age starts again with the next commit";
}

}  // namespace
}  // namespace sentinelle
