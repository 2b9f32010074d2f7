#include "aggregate/score_summary.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

std::string render(const score_totals& totals) {
  std::string out;
  json_writer json(out);
  append_score_group(json, totals);
  return out;
}

TEST(ScoreSummary, ComputesTheContractExample) {
  score_totals t;
  t.key = "a-17";
  t.nps_promoters = 3;
  t.nps_passives = 2;
  t.nps_detractors = 5;
  // p = 0.3, d = 0.5: 100·1.96·√((0.8 − 0.04)/10) = 54.03…
  EXPECT_DOUBLE_EQ(nps_score(t), -20.0);
  EXPECT_NEAR(nps_margin_of_error(t), 54.034, 0.001);
  t.csat_responses = 5;
  t.csat_satisfied = 2;
  t.csat_sum = 14;
  t.ces_responses = 6;
  t.ces_easy = 3;
  t.ces_sum = 25;
  t.verbatims = 4;
  t.negative_verbatims = 3;
  t.sentiment_sum = -1.24;
  t.alerts_total = 5;
  t.alerts_open = 2;
  EXPECT_EQ(render(t),
            R"({"key":"a-17","nps":{"score":-20,"promoters":3,"passives":2,"detractors":5,)"
            R"("responses":10,"margin_of_error":54.033},"csat":{"score":40,"satisfied":2,)"
            R"("responses":5,"mean":2.8},"ces":{"mean":4.167,"easy":3,"responses":6},)"
            R"("sentiment":{"mean":-0.31,"negative":3,"verbatims":4},)"
            R"("alerts":{"open":2,"total":5}})");
}

TEST(ScoreSummary, EmptyGroupsAreNullNeverNan) {
  EXPECT_EQ(render(score_totals{}),
            R"({"key":null,"nps":null,"csat":null,"ces":null,"sentiment":null,)"
            R"("alerts":{"open":0,"total":0}})");
}

TEST(ScoreSummary, AllPromotersHaveNoMargin) {
  score_totals t;
  t.nps_promoters = 4;
  EXPECT_DOUBLE_EQ(nps_score(t), 100.0);
  EXPECT_DOUBLE_EQ(nps_margin_of_error(t), 0.0);
}

}  // namespace
}  // namespace sentinelle
