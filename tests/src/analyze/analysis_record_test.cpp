#include "analyze/analysis_record.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "../test_lexicons.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {
namespace {

// The store keeps the analysis as a record and gives back its JSON: the two renderings must
// never differ, on any text.
class AnalysisRecordTest : public ::testing::Test {
 protected:
  // What the pipeline answers for `text`, and what the store would give back from its record.
  std::pair<std::string, std::string> both_forms(std::string_view text) {
    engine_.analyze(text, workspace_, result_);
    std::string json;
    append_analysis_json(result_, text, engine_.lexicon_in_use(), analysis_detail::matches, json);
    record_.clear();
    append_analysis_record(result_, text, engine_.lexicon_in_use(), record_);
    std::string from_record;
    EXPECT_TRUE(append_analysis_record_json(record_, from_record)) << text;
    return {json, from_record};
  }

  // A sentence of lexicon entries as written (prefixes completed) between plain words and the
  // cues the rules read: capitals, elongations, ratings, emojis, quotes.
  std::string random_sentence(std::mt19937& random) {
    static const std::vector<std::string> fillers = {
        "le", "conseiller", "mais",  "pas",     "très",         "!!!",  "2/10", "8/10",
        "😡",  "TRÈS",       "nuuul", "3e fois", "\"vraiment\"", "\\o/", ":(",   "c'est"};
    const auto& entries = engine_.lexicon_in_use().entries();
    std::uniform_int_distribution<std::size_t> entry(0, entries.size() - 1);
    std::uniform_int_distribution<std::size_t> filler(0, fillers.size() - 1);
    std::uniform_int_distribution<int> words(1, 14);
    std::string sentence;
    for (int i = words(random); i > 0; --i) {
      const lexicon_entry& picked = entries[entry(random)];
      std::string word = random() % 2 == 0 ? fillers[filler(random)] : picked.pattern;
      if (picked.kind == pattern_kind::regex && word == picked.pattern) {
        word = "toujours";
      }
      if (!word.empty() && word.back() == '*') {
        word.back() = 'e';
      }
      sentence += word;
      sentence += random() % 4 == 0 ? ", " : " ";
    }
    return sentence;
  }

  analyzer engine_{testing::french_lexicon()};
  analyzer_workspace workspace_;
  analysis result_;
  std::string record_;
};

TEST_F(AnalysisRecordTest, GivesBackTheJsonTheAnalyzerRenders) {
  for (const std::string_view text :
       {"8/10 mais je vais résilier", "nuuul", "pas mal du tout", "toujours pas remboursé 😡", "",
        "rien", "C'EST LA 3E FOIS QUE J'APPELLE !!! Je saisis le médiateur",
        "Parfait, rien à redire, merci :)"}) {
    const auto [json, from_record] = both_forms(text);
    EXPECT_EQ(from_record, json) << text;
  }
}

TEST_F(AnalysisRecordTest, GivesBackTheSameJsonOnThousandsOfLexiconSentences) {
  std::mt19937 random(20261130);
  std::size_t json_bytes = 0;
  std::size_t record_bytes = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string text = random_sentence(random);
    const auto [json, from_record] = both_forms(text);
    ASSERT_EQ(from_record, json) << text;
    json_bytes += json.size();
    record_bytes += record_.size();
  }
  // Its reason to exist: the stored form is much smaller than the JSON.
  EXPECT_LT(record_bytes * 5, json_bytes * 2) << record_bytes << " vs " << json_bytes;
}

TEST_F(AnalysisRecordTest, KeepsNumbersAndTermsAsTheJsonShowsThem) {
  const std::vector<std::uint8_t> topics = {0, 14};
  std::string record;
  analysis_record_writer writer(record, -0.9996, sentiment_label::negative, 0b10101, topics);
  writer.add_match("guillemet \" et \\ et é", 0, 4000000000U, 12345678.9);
  writer.add_match("rating", 7, 7, -0.0004);
  writer.add_match("", 1, 2, 0.5);
  std::string json;
  ASSERT_TRUE(append_analysis_record_json(record, json));
  std::string expected = R"({"score":-1,"label":"negative","flags":["churn_risk","abuse",)"
                         R"("repeat_contact"],"topics":["wait_time","cancellation"],"matches":[)";
  expected += R"({"term":"guillemet \" et \\ et é","start":0,"end":4000000000,"weight":)";
  json_writer(expected).value(12345678.9);
  expected += R"(},{"term":"rating","start":7,"end":7,"weight":0},)";
  expected += R"({"term":"","start":1,"end":2,"weight":0.5}]})";
  EXPECT_EQ(json, expected);
}

TEST_F(AnalysisRecordTest, ReadsNothingFromADamagedRecord) {
  both_forms("Colis toujours pas livré, je vais résilier et porter plainte !!!");
  ASSERT_GT(record_.size(), 20U);
  for (std::size_t size = 0; size < record_.size(); ++size) {
    std::string json = "kept";
    const std::string_view cut = std::string_view(record_).substr(0, size);
    // A record cut between two matches is still a whole record, of fewer matches.
    if (append_analysis_record_json(cut, json)) {
      EXPECT_EQ(json.substr(0, 4), "kept");
      continue;
    }
    EXPECT_EQ(json, "kept") << "cut at " << size;
  }
  std::string json;
  for (const std::string& damaged :
       {std::string("\x02") + record_.substr(1),     // a version this one does not know
        std::string("\x01\x00\x03\x00\x00", 5),      // a label past "positive"
        std::string("\x01\x00\x01\x20\x00", 5),      // a flag past the last name
        std::string("\x01\x00\x01\x00\x01\x0f", 6),  // a topic past the last name
        std::string("\x01\x00\x01\x00\x10", 5) + std::string(16, '\0'),  // more topics than names
        std::string("\x01\x00\x01\x00\x00\x7f", 6),  // a term longer than the record
        std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
                    12)}) {  // an endless varint
    EXPECT_FALSE(append_analysis_record_json(damaged, json));
    EXPECT_TRUE(json.empty());
  }
}

TEST_F(AnalysisRecordTest, NeverReadsPastRandomBytes) {
  std::mt19937 random(7);
  std::string json;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(random() % 40, '\0');
    for (char& byte : bytes) {
      byte = static_cast<char>(random());
    }
    if (!bytes.empty()) {
      bytes[0] = 1;
    }
    json.clear();
    append_analysis_record_json(bytes, json);  // under ASan, an overread fails here
  }
}

// Stored records name topics and flags by index: a name moved or removed would change what
// every stored analysis says. New names go at the end of these lists.
TEST(AnalysisNames, KeepTheirIndexes) {
  const std::vector<std::string_view> topics = {
      "wait_time",     "agent_attitude", "agent_competence", "billing",         "price",
      "delivery",      "refund",         "product_quality",  "technical_issue", "unresolved",
      "communication", "website_app",    "network",          "claims",          "cancellation"};
  ASSERT_GE(topic_names.size(), topics.size());
  for (std::size_t i = 0; i < topics.size(); ++i) {
    EXPECT_EQ(topic_names[i], topics[i]) << i;
  }
  const std::vector<std::string_view> flags = {"churn_risk", "legal_threat", "abuse",
                                               "escalation_request", "repeat_contact"};
  ASSERT_GE(flag_names.size(), flags.size());
  for (std::size_t i = 0; i < flags.size(); ++i) {
    EXPECT_EQ(flag_names[i], flags[i]) << i;
  }
}

}  // namespace
}  // namespace sentinelle
