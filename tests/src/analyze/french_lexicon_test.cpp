#include <gtest/gtest.h>

#include <algorithm>

#include "../test_lexicons.hpp"

namespace sentinelle {
namespace {

// The shipped French lexicons on sentences written for these tests: every flag, every topic of
// the contract, and the cases the issue names.
class FrenchLexiconTest : public ::testing::Test {
 protected:
  const analysis& analyze(std::string_view text) {
    engine_.analyze(text, workspace_, result_);
    return result_;
  }
  bool has_flag(std::string_view text, std::string_view flag) {
    const auto index = find_flag(flag);
    return index && (analyze(text).flags & (1U << *index)) != 0;
  }
  bool has_topic(std::string_view text, std::string_view topic) {
    const auto index = find_topic(topic);
    const auto& topics = analyze(text).topics;
    return index && std::find(topics.begin(), topics.end(), *index) != topics.end();
  }
  sentiment_label label(std::string_view text) { return analyze(text).label; }

  analyzer engine_{testing::french_lexicon()};
  analyzer_workspace workspace_;
  analysis result_;
};

TEST_F(FrenchLexiconTest, ReadsTheIssueExamples) {
  EXPECT_EQ(label("8/10 mais je vais résilier"), sentiment_label::negative);
  EXPECT_EQ(label("nuuul"), sentiment_label::negative);
  EXPECT_EQ(label("pas mal du tout"), sentiment_label::positive);
  EXPECT_EQ(label("toujours pas remboursé 😡"), sentiment_label::negative);
}

TEST_F(FrenchLexiconTest, RaisesEachFlag) {
  EXPECT_TRUE(has_flag("Je vais résilier mon abonnement dès demain", "churn_risk"));
  EXPECT_TRUE(has_flag("je pars à la concurrence", "churn_risk"));
  EXPECT_TRUE(has_flag("je vais porter plainte", "legal_threat"));
  EXPECT_TRUE(has_flag("j'ai écrit à l'UFC-Que Choisir", "legal_threat"));
  EXPECT_TRUE(has_flag("mon avocat vous contactera", "legal_threat"));
  EXPECT_TRUE(has_flag("bande de connards", "abuse"));
  EXPECT_TRUE(has_flag("je veux parler à un responsable", "escalation_request"));
  EXPECT_TRUE(has_flag("c'est la troisième fois que j'appelle", "repeat_contact"));
  EXPECT_TRUE(has_flag("je relance encore pour mon dossier", "repeat_contact"));
  EXPECT_FALSE(has_flag("je ne vais pas résilier, tout va bien", "churn_risk"));
}

TEST_F(FrenchLexiconTest, FindsEachContractTopic) {
  EXPECT_TRUE(has_topic("45 minutes d'attente au téléphone", "wait_time"));
  EXPECT_TRUE(has_topic("la conseillère était désagréable", "agent_attitude"));
  EXPECT_TRUE(has_topic("le conseiller était incompétent", "agent_competence"));
  EXPECT_TRUE(has_topic("ma facture est fausse", "billing"));
  EXPECT_TRUE(has_topic("le prix a encore augmenté", "price"));
  EXPECT_TRUE(has_topic("le colis n'est jamais arrivé", "delivery"));
  EXPECT_TRUE(has_topic("j'attends mon remboursement", "refund"));
  EXPECT_TRUE(has_topic("produit défectueux dès le premier jour", "product_quality"));
  EXPECT_TRUE(has_topic("la box est en panne", "technical_issue"));
  EXPECT_TRUE(has_topic("mon problème n'est toujours pas résolu", "unresolved"));
  EXPECT_TRUE(has_topic("personne ne m'a rappelé", "communication"));
  EXPECT_TRUE(has_topic("impossible de me connecter à l'application", "website_app"));
}

TEST_F(FrenchLexiconTest, ReadsEverydayCustomerFrench) {
  EXPECT_EQ(label("Conseiller très aimable et efficace, merci"), sentiment_label::positive);
  EXPECT_EQ(label("Attente interminable, personne ne répond"), sentiment_label::negative);
  EXPECT_EQ(label("c'est pas top"), sentiment_label::negative);
  EXPECT_EQ(label("rien à redire, parfait"), sentiment_label::positive);
  EXPECT_EQ(label("je ne suis pas du tout satisfait"), sentiment_label::negative);
  EXPECT_EQ(label("Service client au top 👍"), sentiment_label::positive);
  EXPECT_EQ(label("jsuis tjrs sans connexion dsl mais c nul"), sentiment_label::negative);
  EXPECT_NE(label("j'ai rarement été déçu"), sentiment_label::negative);
  EXPECT_EQ(label("aucun problèmes, livraison rapide"), sentiment_label::positive);
  EXPECT_EQ(label("Bonjour, je souhaite connaître mon numéro de contrat."),
            sentiment_label::neutral);
}

TEST_F(FrenchLexiconTest, ReadsTextsMadeOnlyOfEmojisOrOtherScripts) {
  EXPECT_EQ(label("😡😡😡"), sentiment_label::negative);
  EXPECT_EQ(label("👍👍 😍"), sentiment_label::positive);
  EXPECT_EQ(label("🚗 🏠"), sentiment_label::neutral);
  EXPECT_EQ(label("Спасибо 谢谢 شكرا"), sentiment_label::neutral);
  EXPECT_TRUE(analyze("ok \xf0\x9f").error.has_value());  // a cut emoji is invalid UTF-8
}

}  // namespace
}  // namespace sentinelle
