// The two ways of answering scores must agree: every query the rollups answer gives the same
// answer when aggregated over the events, on varied data.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <tuple>

#include "storage/score_queries.hpp"
#include "storage/score_rows.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

// The exact counts; the sentiment sums of the varied events are quarters, so exact too.
auto counts(const score_totals& t) {
  return std::tie(t.key, t.nps_promoters, t.nps_passives, t.nps_detractors, t.csat_responses,
                  t.csat_satisfied, t.csat_sum, t.ces_responses, t.ces_easy, t.ces_sum, t.verbatims,
                  t.negative_verbatims, t.sentiment_sum, t.alerts_total, t.alerts_open);
}

std::vector<score_query> rollup_queries() {
  const std::pair<dimension, std::string> samples[] = {{dimension::agent_id, "a-1"},
                                                       {dimension::team_id, "t-0"},
                                                       {dimension::queue, "q-1"},
                                                       {dimension::channel, "chat"},
                                                       {dimension::touchpoint, "after_call"},
                                                       {dimension::platform, "facebook"}};
  const std::pair<std::int64_t, std::int64_t> ranges[] = {
      {nov_20_ms, nov_20_ms + 20 * day_ms},
      {nov_20_ms + hour_ms + hour_ms / 2, nov_20_ms + 2 * day_ms}};
  std::vector<score_query> queries;
  for (const auto& [from, to] : ranges) {
    queries.push_back({from, to, {}, {}, {}});
    for (const time_bucket when : {time_bucket::day, time_bucket::week, time_bucket::month}) {
      queries.push_back({from, to, {}, when, {}});
      queries.push_back({from, to, {}, when, {{dimension::agent_id, "a-2"}}});
    }
    for (const auto& [by, value] : samples) {
      queries.push_back({from, to, by, {}, {}});
      queries.push_back({from, to, by, {}, {{by, value}}});
      queries.push_back({from, to, {}, {}, {{by, value}}});
    }
  }
  return queries;
}

// The rollups (daily rows for whole days, hourly rows for the edges) and the recount over
// events give exactly the same answer to `query`.
void expect_paths_agree(test_database& db, const score_query& query) {
  SCOPED_TRACE("from " + std::to_string(query.from_ms) + " to " + std::to_string(query.to_ms));
  ASSERT_TRUE(rollups_can_answer(query));
  const score_answer fast = db.scores_via(query, true);
  const score_answer slow = db.scores_via(query, false);
  ASSERT_TRUE(fast.ok && slow.ok) << fast.error << slow.error;
  EXPECT_EQ(counts(fast.total), counts(slow.total));
  ASSERT_EQ(fast.groups.size(), slow.groups.size());
  for (std::size_t index = 0; index < fast.groups.size(); ++index) {
    EXPECT_EQ(counts(fast.groups[index]), counts(slow.groups[index]));
  }
}

// Of every three alerts one stays open, one is acknowledged and one resolved (half of those
// after an acknowledge), so that the open counts move on every path.
void work_through_alerts(event_store& store, const store_result& stored) {
  int n = 0;
  for (const std::optional<alert_ref>& raised : stored.alerts) {
    if (!raised || n++ % 3 == 0) {
      continue;
    }
    if (n % 3 == 2 || n % 2 == 0) {
      change_and_wait(store, {raised->seq, alert_action::acknowledge, "sup-0", "", 1});
    }
    if (n % 3 == 0) {
      EXPECT_EQ(change_and_wait(store, {raised->seq, alert_action::resolve, "sup-1", "", 2}).result,
                alert_change_result::outcome::changed);
    }
  }
}

// Stores `batch` on `db`, then acknowledges and resolves some of its alerts.
void store_events(test_database& db, std::vector<event> batch) {
  std::string error;
  auto store = db.open(error);
  ASSERT_NE(store, nullptr) << error;
  const store_result stored = store_and_wait(*store, std::move(batch));
  ASSERT_TRUE(stored.ok) << stored.error;
  work_through_alerts(*store, stored);
}

class ScorePaths : public store_test {};
SENTINELLE_BOTH_STORES(ScorePaths);

TEST_P(ScorePaths, RollupsAndEventsAgree) {
  std::vector<event> batch;
  for (int n = 0; n < 3000; ++n) {
    batch.push_back(varied_event(n, "v-" + std::to_string(n)));
  }
  ASSERT_NO_FATAL_FAILURE(store_events(database(), std::move(batch)));
  test_database& db = database();
  const score_answer all = db.scores_via(rollup_queries().front(), true);
  EXPECT_EQ(all.total.alerts_total, 750);
  EXPECT_EQ(all.total.alerts_open, 250);
  for (const score_query& query : rollup_queries()) {
    expect_paths_agree(db, query);
  }
}

// The rollups trail the events by up to one fold (storage/README.md, "Rollups"): folded at every
// commit, at alert changes only, or every few batches, the rollup path gives the events' answer,
// and again once the store has folded everything at close.
TEST(ScorePaths, EventsNotYetFoldedIntoTheRollupsCountAsTheyWould) {
  const auto unfolded_events = [](test_database& db) {
    return db.text("SELECT (SELECT MAX(seq) FROM events) - folded_seq FROM rollup_watermark");
  };
  for (const rollup_fold_policy policy : {rollup_fold_policy{0, std::chrono::hours(1)},
                                          rollup_fold_policy{600, std::chrono::hours(1)},
                                          rollup_fold_policy{SIZE_MAX, std::chrono::hours(1)}}) {
    SCOPED_TRACE("folded after " + std::to_string(policy.max_events) + " events");
    test_database db(backend::sqlite);
    ASSERT_TRUE(db.ok()) << db.error();
    {
      std::string error;
      store_options options;
      options.rollup_fold = policy;
      auto store = db.open(error, options);
      ASSERT_NE(store, nullptr) << error;
      for (int part = 0; part < 12; ++part) {
        std::vector<event> batch;
        for (int n = part * 250; n < (part + 1) * 250; ++n) {
          batch.push_back(varied_event(n, "v-" + std::to_string(n)));
        }
        const store_result stored = store_and_wait(*store, std::move(batch));
        ASSERT_TRUE(stored.ok) << stored.error;
        if (part % 4 == 1) {
          work_through_alerts(*store, stored);  // an alert change folds everything pending
        }
      }
      EXPECT_EQ(unfolded_events(db), policy.max_events == 0 ? "0" : "500");
      for (const score_query& query : rollup_queries()) {
        expect_paths_agree(db, query);
      }
    }
    EXPECT_EQ(unfolded_events(db), "0") << "not folded when the store closed";
    for (const score_query& query : rollup_queries()) {
      expect_paths_agree(db, query);
    }
  }
}

// A range of one of three kinds: inside a day, across day edges, or several weeks; its from is
// sometimes on a day or an hour boundary, the edge cases of the daily/hourly split.
std::pair<std::int64_t, std::int64_t> random_range(std::mt19937_64& random, int round) {
  std::uniform_int_distribution<std::int64_t> instant(nov_20_ms - 3 * day_ms,
                                                      nov_20_ms + 25 * day_ms);
  const std::int64_t longest[] = {day_ms, 3 * day_ms, 28 * day_ms};
  std::uniform_int_distribution<std::int64_t> length(0, longest[round % 3]);
  std::int64_t from = instant(random);
  if (round % 4 == 0) {
    from -= from % day_ms;
  } else if (round % 4 == 1) {
    from -= from % hour_ms;
  }
  return {from, from + length(random)};
}

// 4,000 varied events at random instants from two days before Nov 20 to `days_after` it.
std::vector<event> spread_events(const std::string& prefix, int days_after,
                                 std::mt19937_64& random) {
  std::uniform_int_distribution<std::int64_t> instant(nov_20_ms - 2 * day_ms,
                                                      nov_20_ms + days_after * day_ms);
  std::vector<event> batch;
  for (int n = 0; n < 4000; ++n) {
    batch.push_back(varied_event(n, prefix + std::to_string(n)));
    batch.back().occurred_at_ms = instant(random);
  }
  return batch;
}

TEST_P(ScorePaths, DailyAndHourlyRowsAgreeWithEventsOnRandomRanges) {
  std::mt19937_64 random(20261120);
  ASSERT_NO_FATAL_FAILURE(store_events(database(), spread_events("r-", 23, random)));
  test_database& db = database();
  for (int round = 0; round < 300; ++round) {
    const auto [from, to] = random_range(random, round);
    const std::string agent = "a-" + std::to_string(round % 5);
    for (const score_query& query :
         {score_query{from, to, {}, {}, {}}, score_query{from, to, dimension::agent_id, {}, {}},
          score_query{from, to, dimension::queue, {}, {{dimension::queue, "q-1"}}},
          score_query{from, to, {}, time_bucket::day, {}},
          score_query{from, to, {}, time_bucket::week, {{dimension::agent_id, agent}}}}) {
      expect_paths_agree(db, query);
    }
  }
}

// The scan over events split in two halves read at once gives exactly the answer of one scan:
// random ranges, every kind of grouping (weeks and months across the split), one or two
// filters, and alerts acknowledged and resolved along the way.
TEST_P(ScorePaths, TheSplitScanAgreesWithOneScan) {
  if (GetParam() == backend::postgres) {
    GTEST_SKIP() << "the split scan is the SQLite store's";
  }
  std::mt19937_64 random(20261130);
  ASSERT_NO_FATAL_FAILURE(store_events(database(), spread_events("s-", 40, random)));
  std::string error;
  auto first = sqlite_connection::open(database().location(), error);
  auto second = sqlite_connection::open(database().location(), error);
  ASSERT_TRUE(first && second) << error;
  const std::pair<dimension, std::string> team{dimension::team_id, "t-1"};
  const std::pair<dimension, std::string> voice{dimension::channel, "voice"};
  for (int round = 0; round < 60; ++round) {
    const auto [from, to] = random_range(random, round);
    for (const score_query& query :
         {score_query{from, to, {}, {}, {team, voice}},
          score_query{from, to, {}, time_bucket::day, {team, voice}},
          score_query{from, to, {}, time_bucket::week, {team, voice}},
          score_query{from, to, {}, time_bucket::month, {team, voice}},
          score_query{from, to, dimension::agent_id, {}, {team}},
          score_query{from, to, dimension::queue, {}, {{dimension::agent_id, ""}}}}) {
      SCOPED_TRACE("from " + std::to_string(from) + " to " + std::to_string(to));
      const score_answer one = compute_scores(*first, query);
      const score_answer split = split_events_scan(*first, *second, query);
      ASSERT_TRUE(one.ok && split.ok) << one.error << split.error;
      EXPECT_EQ(counts(split.total), counts(one.total));
      ASSERT_EQ(split.groups.size(), one.groups.size());
      for (std::size_t index = 0; index < one.groups.size(); ++index) {
        EXPECT_EQ(counts(split.groups[index]), counts(one.groups[index]));
      }
    }
  }
}

TEST(ScorePaths, OnlyLongScansOverEventsAreSplit) {
  const std::pair<dimension, std::string> team{dimension::team_id, "t-1"};
  const std::pair<dimension, std::string> voice{dimension::channel, "voice"};
  EXPECT_TRUE(worth_splitting({0, 2 * day_ms, {}, time_bucket::day, {team, voice}}));
  EXPECT_FALSE(worth_splitting({0, 2 * day_ms - hour_ms, {}, {}, {team, voice}}));
  EXPECT_FALSE(worth_splitting({0, 90 * day_ms, dimension::agent_id, {}, {}}));  // rollups
  EXPECT_FALSE(worth_splitting({0, 90 * day_ms, dimension::agent_id, time_bucket::day, {team}}));
}

TEST(ScorePaths, AMergedAnswerFailsWhenEitherHalfFailed) {
  score_answer good;
  good.ok = true;
  score_answer bad;
  bad.error = "scores: disk I/O error";
  const score_answer merged = merge_answers(good, bad);
  EXPECT_FALSE(merged.ok);
  EXPECT_EQ(merged.error, "scores: disk I/O error");
  EXPECT_FALSE(merge_answers(bad, good).ok);
}

TEST(ScorePaths, ThePlannerUsesTheRollupsOnlyWhenTheyHoldTheAnswer) {
  const std::pair<dimension, std::string> team{dimension::team_id, "t-1"};
  EXPECT_TRUE(rollups_can_answer({0, 1, {}, {}, {}}));
  EXPECT_TRUE(rollups_can_answer({0, 1, dimension::agent_id, {}, {}}));
  EXPECT_TRUE(rollups_can_answer({0, 1, {}, time_bucket::week, {team}}));
  EXPECT_TRUE(rollups_can_answer({0, 1, dimension::team_id, {}, {team}}));
  EXPECT_FALSE(rollups_can_answer({0, 1, dimension::agent_id, {}, {team}}));
  EXPECT_FALSE(rollups_can_answer({0, 1, {}, {}, {team, {dimension::channel, "voice"}}}));
  EXPECT_FALSE(rollups_can_answer({0, 1, {}, {}, {{dimension::agent_id, ""}}}));
}

}  // namespace
}  // namespace sentinelle
