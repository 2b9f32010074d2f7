#include <gtest/gtest.h>

#include "../test_lexicons.hpp"

namespace sentinelle {
namespace {

// Each French rule on sentences written for the test, against the small rules lexicon.
class RulesTest : public ::testing::Test {
 protected:
  const analysis& analyze(std::string_view text) {
    engine_.analyze(text, workspace_, result_);
    EXPECT_FALSE(result_.error) << text;
    return result_;
  }
  // The final weight of the match whose original text is `term`.
  double weight_of(std::string_view text, std::string_view term) {
    analyze(text);
    for (const scored_match& m : result_.matches) {
      if (text.substr(m.begin, m.end - m.begin) == term) {
        return m.weight;
      }
    }
    ADD_FAILURE() << "no match '" << term << "' in '" << text << "'";
    return 0.0;
  }
  std::uint32_t rules_of(std::string_view text, std::string_view term) {
    analyze(text);
    for (const scored_match& m : result_.matches) {
      if (text.substr(m.begin, m.end - m.begin) == term) {
        return m.rules;
      }
    }
    return 0;
  }

  analyzer engine_{testing::rules_lexicon()};
  analyzer_workspace workspace_;
  analysis result_;
};

// A regex entry's term is the text it matched, not its expression; other entries keep the
// pattern as written, whatever the matched text's accents or case.
TEST_F(RulesTest, TheJsonTermOfARegexMatchIsTheMatchedText) {
  const std::string text = "C'est la 3eme fois que j'appelle, je suis déçu";
  analyze(text);
  std::string json;
  append_analysis_json(result_, text, engine_.lexicon_in_use(), analysis_detail::matches, json);
  EXPECT_NE(json.find(R"("term":"3eme fois","start":9,"end":18)"), std::string::npos) << json;
  EXPECT_EQ(json.find("re:"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("term":"déçu")"), std::string::npos) << json;
}

TEST_F(RulesTest, PolarityWordsSetTheLabel) {
  EXPECT_EQ(analyze("un service excellent").label, sentiment_label::positive);
  EXPECT_EQ(analyze("je suis déçu").label, sentiment_label::negative);
  EXPECT_EQ(analyze("le colis est arrivé mardi").label, sentiment_label::neutral);
  EXPECT_GT(analyze("excellent").score, 0.0);
  EXPECT_LE(analyze("excellent excellent excellent excellent").score, 1.0);
  EXPECT_GE(analyze("déçu déçu déçu déçu déçu déçu").score, -1.0);
}

TEST_F(RulesTest, NegationBeforeTheWordFlipsIt) {
  EXPECT_LT(weight_of("ce n'est pas bon", "bon"), 0.0);
  EXPECT_LT(weight_of("je ne suis pas satisfait", "satisfait"), 0.0);
  EXPECT_LT(weight_of("je n'ai jamais été satisfait", "satisfait"), 0.0);
  EXPECT_LT(weight_of("rien de bon", "bon"), 0.0);
  EXPECT_LT(weight_of("aucun service rapide", "rapide"), 0.0);
  EXPECT_LT(weight_of("sans être rapide", "rapide"), 0.0);
}

TEST_F(RulesTest, DroppedNeStillNegates) {
  EXPECT_LT(weight_of("c'est pas bon", "bon"), 0.0);
  EXPECT_LT(weight_of("j'aime pas", "aime"), 0.0);
}

TEST_F(RulesTest, NegationAfterTheVerbNeedsNeOrAPronoun) {
  EXPECT_LT(weight_of("je ne recommande pas", "recommande"), 0.0);
  EXPECT_LT(weight_of("je recommande pas", "recommande"), 0.0);
  EXPECT_LT(weight_of("je ne recommande pas du tout", "recommande"),
            weight_of("je ne recommande pas", "recommande"));
  EXPECT_LT(weight_of("problème pas bon", "problème"), 0.0);  // a noun stays itself
}

TEST_F(RulesTest, ANegatorSpentOnTheVerbDoesNotReachLaterWords) {
  EXPECT_GT(weight_of("je ne regrette pas ce repas excellent", "regrette"), 0.0);
  EXPECT_GT(weight_of("je ne regrette pas ce repas excellent", "excellent"), 0.0);
}

TEST_F(RulesTest, ABareNegationWeighsALittle) {
  EXPECT_LT(weight_of("je n'ai pas reçu ma commande", "pas"), 0.0);
  EXPECT_TRUE(rules_of("je n'ai pas reçu ma commande", "pas") & rule_bare_negation);
  EXPECT_DOUBLE_EQ(weight_of("ce n'est pas bon", "pas"), 0.0);  // it negated "bon"
  EXPECT_DOUBLE_EQ(weight_of("plus tard", "plus"), 0.0);        // "more", not a negation
}

TEST_F(RulesTest, NegatedNegativeIsOnlyMildlyPositive) {
  const double negated = weight_of("pas mauvais", "mauvais");
  EXPECT_GT(negated, 0.0);
  EXPECT_LT(negated, 2.0 * 0.9);
}

TEST_F(RulesTest, PlusIsMoreUnlessItNegates) {
  EXPECT_GT(weight_of("plus rapide que prévu", "rapide"), 0.0);
  EXPECT_LT(weight_of("il n'est plus rapide", "rapide"), 0.0);
}

TEST_F(RulesTest, NeQueIsNotANegation) {
  EXPECT_GT(weight_of("je ne recommande que ça", "recommande"), 0.0);
}

TEST_F(RulesTest, NegationStopsAtPunctuation) {
  EXPECT_GT(weight_of("pas encore, mais excellent", "excellent"), 0.0);
  EXPECT_GT(weight_of("pas. Bon", "Bon"), 0.0);
}

TEST_F(RulesTest, PasDuToutStrengthensPasTresWeakens) {
  const double plain = weight_of("je ne suis pas satisfait", "satisfait");
  EXPECT_LT(weight_of("je ne suis pas satisfait du tout", "satisfait"), plain);
  const double weakened = weight_of("pas très bon", "bon");
  EXPECT_LT(weakened, 0.0);
  EXPECT_GT(weakened, weight_of("pas bon", "bon"));
  EXPECT_TRUE(rules_of("pas très bon", "bon") & rule_negation_weakened);
}

TEST_F(RulesTest, IntensifiersAndDiminishersScale) {
  EXPECT_DOUBLE_EQ(weight_of("très déçu", "déçu"), -3.0);
  EXPECT_DOUBLE_EQ(weight_of("un peu lent", "lent"), -0.6);
}

TEST_F(RulesTest, FixedExpressionsOverrideTheirWords) {
  EXPECT_EQ(analyze("pas mal").label, sentiment_label::positive);
  EXPECT_EQ(analyze("pas terrible").label, sentiment_label::negative);
  EXPECT_EQ(analyze("aucun problème").label, sentiment_label::positive);
  EXPECT_GT(weight_of("ce n'est pas mal", "pas mal"), 0.0);  // never negated again
}

TEST_F(RulesTest, ContrastWeighsTheLaterClauseMore) {
  EXPECT_DOUBLE_EQ(weight_of("rapide mais lent", "rapide"), 0.75);
  EXPECT_DOUBLE_EQ(weight_of("rapide mais lent", "lent"), -1.5);
  EXPECT_EQ(analyze("bon, mais mauvais").label, sentiment_label::negative);
  EXPECT_EQ(analyze("mauvais. Par contre excellent").label, sentiment_label::positive);
  EXPECT_TRUE(rules_of("bon. Cependant lent", "bon") & rule_before_contrast);
}

TEST_F(RulesTest, CapitalsElongationAndExclamationsAddEmphasis) {
  const double plain = weight_of("c'est nul", "nul");
  EXPECT_LT(weight_of("c'est NUL", "NUL"), plain);
  EXPECT_LT(weight_of("c'est nuuuul", "nuuuul"), plain);
  EXPECT_LT(weight_of("c'est nul !!!", "nul"), weight_of("c'est nul !", "nul"));
  EXPECT_DOUBLE_EQ(weight_of("C'EST NUL", "NUL"), plain);  // all caps everywhere: no emphasis
}

TEST_F(RulesTest, EmojisAndEmoticonsScore) {
  EXPECT_EQ(analyze("😡").label, sentiment_label::negative);
  EXPECT_EQ(analyze("merci <3").label, sentiment_label::positive);
  EXPECT_EQ(analyze(":(").label, sentiment_label::negative);
  EXPECT_LT(weight_of("😡😡😡", "😡😡😡"), weight_of("😡", "😡"));
}

TEST_F(RulesTest, RatingsInTheTextWeigh) {
  EXPECT_EQ(analyze("2/10").label, sentiment_label::negative);
  EXPECT_EQ(analyze("9 / 10").label, sentiment_label::positive);
  EXPECT_EQ(analyze("12/10").label, sentiment_label::neutral);  // not a rating
}

TEST_F(RulesTest, HiddenDetractorBehindAGoodScore) {
  const analysis& result = analyze("8/10 mais je vais résilier");
  EXPECT_EQ(result.label, sentiment_label::negative);
  EXPECT_EQ(result.flags, 1U);  // churn_risk
}

TEST_F(RulesTest, NegatedFlagRaisesNothing) {
  const analysis& result = analyze("je ne vais pas résilier");
  EXPECT_EQ(result.flags, 0U);
  EXPECT_NE(result.label, sentiment_label::negative);
}

TEST_F(RulesTest, TopicsComeInOrderOfAppearance) {
  const analysis& result = analyze("remboursement après une longue attente");
  ASSERT_EQ(result.topics.size(), 2U);
  EXPECT_EQ(topic_names[result.topics[0]], "refund");
  EXPECT_EQ(topic_names[result.topics[1]], "wait_time");
}

TEST_F(RulesTest, RegexEntriesMatchWholeWords) {
  EXPECT_EQ(analyze("c'est la 3e fois").flags, 1U << 4);  // repeat_contact
  EXPECT_EQ(analyze("c'est la 13efois").flags, 0U);
}

TEST_F(RulesTest, OffsetsPointIntoTheOriginalText) {
  const std::string text = "Franchement très DÉÇU";
  analyze(text);
  const auto last = result_.matches.back();
  EXPECT_EQ(text.substr(last.begin, last.end - last.begin), "DÉÇU");
}

TEST_F(RulesTest, BadInputGivesAResultNotACrash) {
  engine_.analyze("bon \xc3", workspace_, result_);
  ASSERT_TRUE(result_.error);
  EXPECT_EQ(*result_.error, "invalid UTF-8 at byte 4");
  EXPECT_EQ(analyze("").label, sentiment_label::neutral);
  EXPECT_EQ(analyze(std::string(1 << 20, 'x')).label, sentiment_label::neutral);
  std::string long_text;
  for (int i = 0; i < 20000; ++i) {
    long_text += "très pas mal mais déçu 😡 ";
  }
  EXPECT_EQ(analyze(long_text).label, sentiment_label::negative);
}

}  // namespace
}  // namespace sentinelle
