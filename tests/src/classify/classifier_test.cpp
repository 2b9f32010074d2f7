#include "classify/classifier.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sentinelle {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

analysis verbatim(sentiment_label label, double score, std::uint32_t flags = 0) {
  analysis result;
  result.label = label;
  result.score = score;
  result.flags = flags;
  return result;
}

event survey(std::optional<int> nps, std::optional<int> csat = {}, std::optional<int> ces = {}) {
  event e;
  e.nps = nps;
  e.csat = csat;
  e.ces = ces;
  return e;
}

TEST(Classifier, NpsCategories) {
  EXPECT_EQ(nps_category(0), "detractor");
  EXPECT_EQ(nps_category(6), "detractor");
  EXPECT_EQ(nps_category(7), "passive");
  EXPECT_EQ(nps_category(8), "passive");
  EXPECT_EQ(nps_category(9), "promoter");
  EXPECT_EQ(nps_category(std::nullopt), std::nullopt);
}

TEST(Classifier, ScoreReasons) {
  EXPECT_THAT(classify(survey(3, 2, 1), nullptr).reasons,
              ElementsAre("score_detractor", "csat_dissatisfied", "high_effort"));
  EXPECT_TRUE(classify(survey(6), nullptr).detractor);
  EXPECT_FALSE(classify(survey(7, 3, 4), nullptr).detractor);
  EXPECT_THAT(classify(survey(10), nullptr).reasons, IsEmpty());
}

TEST(Classifier, HiddenDetractorBehindAPassiveScore) {
  const auto text = verbatim(sentiment_label::negative, -0.4);
  const auto result = classify(survey(8), &text);
  EXPECT_TRUE(result.detractor);
  EXPECT_THAT(result.reasons, ElementsAre("negative_verbatim", "hidden_detractor"));
}

TEST(Classifier, MismatchBehindAPromoterScore) {
  const auto strong = verbatim(sentiment_label::negative, -0.7, 1U);  // churn_risk
  EXPECT_THAT(
      classify(survey(10), &strong).reasons,
      ElementsAre("negative_verbatim", "hidden_detractor", "score_text_mismatch", "churn_risk"));
  const auto mild = verbatim(sentiment_label::negative, -0.2);
  EXPECT_THAT(classify(survey(9), &mild).reasons,
              ElementsAre("negative_verbatim", "hidden_detractor"));
}

TEST(Classifier, NoHiddenDetractorWhenTheScoreAlreadySaysSo) {
  const auto text = verbatim(sentiment_label::negative, -0.6);
  EXPECT_THAT(classify(survey(2), &text).reasons,
              ElementsAre("score_detractor", "negative_verbatim"));
}

TEST(Classifier, PublicNegativeMessage) {
  event message;
  message.kind = event_kind::message;
  message.is_public = true;
  const auto text = verbatim(sentiment_label::negative, -0.5, 1U << 2);  // abuse
  EXPECT_THAT(classify(message, &text).reasons,
              ElementsAre("negative_verbatim", "hidden_detractor", "abuse", "public"));
  const auto happy = verbatim(sentiment_label::positive, 0.8);
  EXPECT_FALSE(classify(message, &happy).detractor);
  EXPECT_THAT(classify(message, &happy).reasons, IsEmpty());
}

}  // namespace
}  // namespace sentinelle
