#include "analyze/lexicon_parser.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

class LexiconParserTest : public ::testing::Test {
 protected:
  void parse(std::string_view line) { parser_.parse_line(line, ++number_, entries_, problems_); }
  std::string last_problem() const { return problems_.empty() ? "" : problems_.back().to_string(); }

  lexicon_file_parser parser_{"test.lex"};
  int number_ = 0;
  std::vector<lexicon_entry> entries_;
  std::vector<lexicon_problem> problems_;
};

TEST_F(LexiconParserTest, ReadsPatternWeightAndTags) {
  parse("résilier | -3 | flag=churn_risk topic=cancellation");
  ASSERT_EQ(entries_.size(), 1U);
  EXPECT_EQ(entries_[0].pattern, "résilier");
  EXPECT_DOUBLE_EQ(entries_[0].weight, -3.0);
  EXPECT_EQ(entries_[0].flags, 1U);
  ASSERT_EQ(entries_[0].topics.size(), 1U);
  EXPECT_EQ(topic_names[entries_[0].topics[0]], "cancellation");
  EXPECT_EQ(entries_[0].source, "test.lex:1");
}

TEST_F(LexiconParserTest, WeightAndTagsAreOptional) {
  parse("excellent | +3");
  parse("attente");
  parse("très | | intensifier=1.5");
  parse("du tout | | intensifier=1.3 after");
  ASSERT_EQ(entries_.size(), 4U);
  EXPECT_DOUBLE_EQ(entries_[1].weight, 0.0);
  EXPECT_TRUE(entries_[2].intensifier);
  EXPECT_DOUBLE_EQ(entries_[2].multiplier, 1.5);
  EXPECT_TRUE(entries_[3].applies_after);
  EXPECT_TRUE(problems_.empty());
}

TEST_F(LexiconParserTest, SkipsCommentsAndBlankLines) {
  parse("# a comment");
  parse("   ");
  parse("");
  EXPECT_TRUE(entries_.empty());
  EXPECT_TRUE(problems_.empty());
}

TEST_F(LexiconParserTest, DirectiveTagsApplyUntilCleared) {
  parse("@tags topic=billing");
  parse("facture");
  parse("@tags");
  parse("bonjour");
  EXPECT_EQ(entries_[0].topics.size(), 1U);
  EXPECT_TRUE(entries_[1].topics.empty());
}

TEST_F(LexiconParserTest, ReportsBadWeightsWithFileAndLine) {
  parse("nul | beaucoup");
  EXPECT_EQ(last_problem(), "test.lex:1: bad weight 'beaucoup'");
  parse("nul | -9");
  EXPECT_EQ(last_problem(), "test.lex:2: weight -9 is outside [-5, 5]");
  parse("nul | nan");
  EXPECT_EQ(last_problem(), "test.lex:3: bad weight 'nan'");
  EXPECT_TRUE(entries_.empty());
}

TEST_F(LexiconParserTest, ReportsUnknownTagsTopicsAndFlags) {
  parse("x | 1 | colour=red");
  EXPECT_EQ(last_problem(), "test.lex:1: unknown tag 'colour=red'");
  parse("x | 1 | topic=weather");
  EXPECT_EQ(last_problem(), "test.lex:2: unknown topic 'weather'");
  parse("x | 1 | flag=urgent");
  EXPECT_EQ(last_problem(), "test.lex:3: unknown flag 'urgent'");
  parse("x | | intensifier");
  EXPECT_EQ(last_problem(), "test.lex:4: intensifier needs a factor (intensifier=1.5)");
  parse("x | | after");
  EXPECT_EQ(last_problem(), "test.lex:5: 'after' applies to an intensifier only");
  parse("@color red");
  EXPECT_EQ(last_problem(), "test.lex:6: unknown directive '@color'");
  parse("x | 1 | topic=billing | more");
  EXPECT_EQ(last_problem(), "test.lex:7: too many '|' fields (PATTERN | WEIGHT | TAGS)");
  EXPECT_TRUE(entries_.empty());
}

TEST_F(LexiconParserTest, KeepsRegexAlternativesInsideGroups) {
  parse("re:\\d+ ?(e|eme) fois | -1.5 | flag=repeat_contact");
  ASSERT_EQ(entries_.size(), 1U);
  EXPECT_EQ(entries_[0].pattern, "re:\\d+ ?(e|eme) fois");
}

TEST(SmsLine, ReadsShortAndLongForms) {
  std::string key;
  std::string replacement;
  std::string error;
  EXPECT_TRUE(parse_sms_line("jsuis = je suis", key, replacement, error));
  EXPECT_EQ(key, "jsuis");
  EXPECT_EQ(replacement, "je suis");
  EXPECT_FALSE(parse_sms_line("jsuis je suis", key, replacement, error));
  EXPECT_FALSE(parse_sms_line(" = je", key, replacement, error));
}

}  // namespace
}  // namespace sentinelle
