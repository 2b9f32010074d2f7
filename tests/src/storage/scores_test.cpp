// Scores arithmetic against hand-computed values, on the rollup path and on the fallback path.
#include <gtest/gtest.h>

#include <cmath>

#include "storage/score_queries.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;


struct answers {
  std::optional<int> nps, csat, ces;
  std::optional<double> sentiment;
  bool negative = false;
};

event at(const std::string& id, std::int64_t ms, const std::string& agent, const std::string& team,
         const std::string& channel, const answers& given) {
  event survey = make_survey(id, ms);
  survey.agent_id = agent;
  survey.team_id = team;
  survey.channel = channel;
  survey.queue = channel == "voice" ? "q-1" : "q-2";
  survey.nps = given.nps;
  survey.csat = given.csat;
  survey.ces = given.ces;
  survey.sentiment_score = given.sentiment;
  survey.negative_verbatim = given.negative;
  return survey;
}

constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t nov_23_ms = nov_20_ms + 3 * day_ms;   // Monday, ISO week 48
constexpr std::int64_t dec_01_ms = nov_20_ms + 11 * day_ms;  // Tuesday, ISO week 49

// Seven events, computed by hand below. a-1 and a-2 are in t-1, a-3 in t-2; e7 has no agent.
std::vector<event> hand_data() {
  event e7;
  e7.kind = event_kind::message;
  e7.id = "e7";
  e7.occurred_at_ms = nov_20_ms + 10 * hour_ms;
  e7.platform = "facebook";
  e7.sentiment_score = -0.4;
  e7.negative_verbatim = true;
  return {
      at("e1", nov_20_ms + 9 * hour_ms + 15 * minute_ms, "a-1", "t-1", "voice",
         {10, 5, 7, 0.8, false}),
      at("e2", nov_20_ms + 9 * hour_ms + 45 * minute_ms, "a-1", "t-1", "voice",
         {3, 2, 2, -0.6, true}),
      at("e3", nov_20_ms + 14 * hour_ms, "a-2", "t-1", "chat", {8, 4, 5, {}, false}),
      at("e4", nov_23_ms + 10 * hour_ms, "a-3", "t-2", "voice", {0, 1, {}, -0.9, true}),
      at("e5", dec_01_ms + 8 * hour_ms + 30 * minute_ms, "a-1", "t-1", "email",
         {9, {}, 6, 0.5, false}),
      at("e6", dec_01_ms + day_ms - 1000, "a-3", "t-2", "chat", {{}, 3, 4, -0.2, true}),
      e7,
  };
}

struct expected {
  std::string key;
  std::int64_t promoters, passives, detractors;
  std::int64_t csat_responses, csat_satisfied, csat_sum;
  std::int64_t ces_responses, ces_easy, ces_sum;
  std::int64_t verbatims, negative;
  double sentiment_sum;
};

void expect_totals(const score_totals& actual, const expected& wanted) {
  SCOPED_TRACE("group '" + wanted.key + "'");
  EXPECT_EQ(actual.key, wanted.key);
  EXPECT_EQ(actual.nps_promoters, wanted.promoters);
  EXPECT_EQ(actual.nps_passives, wanted.passives);
  EXPECT_EQ(actual.nps_detractors, wanted.detractors);
  EXPECT_EQ(actual.csat_responses, wanted.csat_responses);
  EXPECT_EQ(actual.csat_satisfied, wanted.csat_satisfied);
  EXPECT_EQ(actual.csat_sum, wanted.csat_sum);
  EXPECT_EQ(actual.ces_responses, wanted.ces_responses);
  EXPECT_EQ(actual.ces_easy, wanted.ces_easy);
  EXPECT_EQ(actual.ces_sum, wanted.ces_sum);
  EXPECT_EQ(actual.verbatims, wanted.verbatims);
  EXPECT_EQ(actual.negative_verbatims, wanted.negative);
  EXPECT_NEAR(actual.sentiment_sum, wanted.sentiment_sum, 1e-9);
}

void expect_groups(const score_answer& answer, const std::vector<expected>& wanted) {
  ASSERT_TRUE(answer.ok) << answer.error;
  ASSERT_EQ(answer.groups.size(), wanted.size());
  for (std::size_t index = 0; index < wanted.size(); ++index) {
    expect_totals(answer.groups[index], wanted[index]);
  }
}

// e1..e7 by hand: NPS 10 9 promoters, 8 passive, 3 0 detractors; CSAT 5 2 4 1 3 (4-5
// satisfied); CES 7 2 5 6 4 (5-7 easy); verbatims e1 e2 e4 e5 e6 e7, negative e2 e4 e6 e7.
const expected all_events{"", 2, 1, 2, 5, 2, 15, 5, 3, 24, 6, 4, -0.8};
const expected agent_1{"a-1", 2, 0, 1, 2, 1, 7, 3, 2, 15, 3, 1, 0.7};          // e1 e2 e5
const expected agent_2{"a-2", 0, 1, 0, 1, 1, 4, 1, 1, 5, 0, 0, 0.0};           // e3
const expected agent_3{"a-3", 0, 0, 1, 2, 0, 4, 1, 0, 4, 2, 2, -1.1};          // e4 e6
const expected team_1{"t-1", 2, 1, 1, 3, 2, 11, 4, 3, 20, 3, 1, 0.7};          // e1 e2 e3 e5
const expected team_2{"t-2", 0, 0, 1, 2, 0, 4, 1, 0, 4, 2, 2, -1.1};           // e4 e6
const expected nov_20{"2026-11-20", 1, 1, 1, 3, 2, 11, 3, 2, 14, 3, 2, -0.2};  // e1 e2 e3 e7
const expected nov_23{"2026-11-23", 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, -0.9};    // e4
const expected dec_01{"2026-12-01", 1, 0, 0, 1, 0, 3, 2, 1, 10, 2, 1, 0.3};    // e5 e6

class Scores : public store_test {
 protected:
  void SetUp() override {
    store_test::SetUp();
    store_ = open_store();
    ASSERT_NE(store_, nullptr);
    const store_result stored = store_and_wait(*store_, hand_data());
    ASSERT_TRUE(stored.ok) << stored.error;
  }

  score_answer scores(std::optional<dimension> by, std::optional<time_bucket> when,
                      std::vector<std::pair<dimension, std::string>> filters = {},
                      std::int64_t from = nov_20_ms, std::int64_t to = dec_01_ms + day_ms) {
    return store_->scores({from, to, by, when, std::move(filters)});
  }

  std::unique_ptr<durable_store> store_;
};

SENTINELLE_BOTH_STORES(Scores);


TEST_P(Scores, TotalsAllEvents) {
  const score_answer answer = scores({}, {});
  ASSERT_TRUE(answer.ok) << answer.error;
  expect_totals(answer.total, all_events);
  EXPECT_TRUE(answer.groups.empty());
}

TEST_P(Scores, GroupsByAgentAndTeamLeavingEventsWithoutOneInTheTotalOnly) {
  const score_answer by_agent = scores(dimension::agent_id, {});
  expect_groups(by_agent, {agent_1, agent_2, agent_3});
  expect_totals(by_agent.total, all_events);  // e7 has no agent, yet counts in the total
  expect_groups(scores(dimension::team_id, {}), {team_1, team_2});
}

TEST_P(Scores, GroupsByDayWeekAndMonthInUtc) {
  expect_groups(scores({}, time_bucket::day), {nov_20, nov_23, dec_01});
  expected week_47 = nov_20;
  week_47.key = "2026-W47";
  expected week_48 = nov_23;
  week_48.key = "2026-W48";
  expected week_49 = dec_01;
  week_49.key = "2026-W49";
  expect_groups(scores({}, time_bucket::week), {week_47, week_48, week_49});
  const expected november{"2026-11", 1, 1, 2, 4, 2, 12, 3, 2, 14, 4, 3, -1.1};  // e1-e4 e7
  expected december = dec_01;
  december.key = "2026-12";
  const score_answer by_month = scores({}, time_bucket::month);
  expect_groups(by_month, {november, december});
  expect_totals(by_month.total, all_events);
}

TEST_P(Scores, FiltersByOneDimensionFromTheRollups) {
  const score_answer team = scores({}, {}, {{dimension::team_id, "t-1"}});
  ASSERT_TRUE(team.ok) << team.error;
  expected total = team_1;
  total.key = "";
  expect_totals(team.total, total);

  // e1 e2 on 11-20, e4 on 11-23.
  const score_answer voice_by_day = scores({}, time_bucket::day, {{dimension::channel, "voice"}});
  expect_groups(voice_by_day, {{"2026-11-20", 1, 0, 1, 2, 1, 7, 2, 1, 9, 2, 1, 0.2},
                               {"2026-11-23", 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, -0.9}});
  expect_groups(scores(dimension::team_id, {}, {{dimension::team_id, "t-2"}}), {team_2});
  const score_answer nobody = scores(dimension::agent_id, {}, {{dimension::agent_id, "a-9"}});
  expect_groups(nobody, {});
  EXPECT_EQ(nobody.total.nps_promoters, 0);
}

TEST_P(Scores, FallsBackToEventsForCombinationsTheRollupsCannotAnswer) {
  const score_query by_agent_in_team{
      nov_20_ms, dec_01_ms + day_ms, dimension::agent_id, {}, {{dimension::team_id, "t-1"}}};
  EXPECT_FALSE(rollups_can_answer(by_agent_in_team));
  const score_answer answer = store_->scores(by_agent_in_team);
  expect_groups(answer, {agent_1, agent_2});
  expected total = team_1;
  total.key = "";
  expect_totals(answer.total, total);

  const score_query two_filters{nov_20_ms,
                                dec_01_ms + day_ms,
                                {},
                                time_bucket::day,
                                {{dimension::team_id, "t-1"}, {dimension::channel, "voice"}}};
  EXPECT_FALSE(rollups_can_answer(two_filters));
  const score_answer voice_t1 = store_->scores(two_filters);  // e1 e2
  expect_groups(voice_t1, {{"2026-11-20", 1, 0, 1, 2, 1, 7, 2, 1, 9, 2, 1, 0.2}});
  expect_totals(voice_t1.total, {"", 1, 0, 1, 2, 1, 7, 2, 1, 9, 2, 1, 0.2});

  // One scan gives the groups and the total: an event without the grouped dimension is in no
  // group, yet still in the total.
  const score_query facebook_by_agent{
      nov_20_ms, dec_01_ms + day_ms, dimension::agent_id, {}, {{dimension::platform, "facebook"}}};
  EXPECT_FALSE(rollups_can_answer(facebook_by_agent));
  const score_answer facebook = store_->scores(facebook_by_agent);
  expect_groups(facebook, {});
  expect_totals(facebook.total, {"", 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -0.4});  // e7

  // An empty filter value means "no value": only the events can say which those are.
  const score_answer no_agent = scores({}, {}, {{dimension::agent_id, ""}});
  ASSERT_TRUE(no_agent.ok) << no_agent.error;
  expect_totals(no_agent.total, {"", 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -0.4});  // e7
}

TEST_P(Scores, BoundsAreWidenedToWholeHours) {
  // [09:30, 14:00) covers the hours 09 to 13: e1 (09:15) is in, e3 (14:00) is out, e7 in.
  const score_answer morning =
      scores({}, {}, {}, nov_20_ms + 9 * hour_ms + 30 * minute_ms, nov_20_ms + 14 * hour_ms);
  ASSERT_TRUE(morning.ok) << morning.error;
  expect_totals(morning.total, {"", 1, 0, 1, 2, 1, 7, 2, 1, 9, 3, 2, -0.2});
  // One millisecond of hour 14 takes the whole hour, so e3 is in.
  const score_answer with_e3 =
      scores({}, {}, {}, nov_20_ms + 9 * hour_ms + 30 * minute_ms, nov_20_ms + 14 * hour_ms + 1);
  EXPECT_EQ(with_e3.total.nps_passives, 1);
  // `to` is exclusive: e6, a second before December 2nd, is out of a range starting then.
  EXPECT_EQ(scores({}, {}, {}, dec_01_ms + day_ms, dec_01_ms + 2 * day_ms).total.csat_responses, 0);
  EXPECT_EQ(scores({}, {}, {}, dec_01_ms, dec_01_ms + day_ms).total.csat_responses, 1);
  // The same widening on the fallback path.
  const score_answer fallback =
      scores({}, {}, {{dimension::team_id, "t-1"}, {dimension::channel, "voice"}},
             nov_20_ms + 9 * hour_ms + 30 * minute_ms, nov_20_ms + 9 * hour_ms + 31 * minute_ms);
  EXPECT_EQ(fallback.total.nps_promoters + fallback.total.nps_detractors, 2);  // e1 e2
}

TEST_P(Scores, AnEmptyRangeGivesZerosNeverNaN) {
  for (const auto& answer :
       {scores({}, {}, {}, dec_01_ms, nov_20_ms), scores(dimension::agent_id, {}, {}, 0, 1),
        scores({}, time_bucket::week, {{dimension::team_id, "t-1"}, {dimension::queue, "q-1"}}, 0,
               1)}) {
    ASSERT_TRUE(answer.ok) << answer.error;
    expect_totals(answer.total, {"", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0});
    EXPECT_TRUE(answer.groups.empty());
    EXPECT_FALSE(std::isnan(answer.total.sentiment_sum));
  }
}

TEST_P(Scores, ANonFiniteSentimentIsNoVerbatim) {
  event odd = make_survey("nan", nov_20_ms);
  odd.sentiment_score = std::nan("");
  ASSERT_TRUE(store_and_wait(*store_, {odd}).ok);
  const score_answer answer = scores({}, {});
  EXPECT_EQ(answer.total.verbatims, all_events.verbatims);
  EXPECT_NEAR(answer.total.sentiment_sum, all_events.sentiment_sum, 1e-9);
  EXPECT_FALSE(store_->find(event_kind::survey, "api", "nan")->sentiment_score.has_value());
}

TEST_P(Scores, RefusesTwoGroupBys) {
  const score_answer answer = scores(dimension::agent_id, time_bucket::day);
  EXPECT_FALSE(answer.ok);
  EXPECT_NE(answer.error.find("not both"), std::string::npos);
}

}  // namespace
}  // namespace sentinelle
