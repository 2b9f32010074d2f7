#include "analyze/lexicon.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "../test_lexicons.hpp"

namespace sentinelle {
namespace {

namespace fs = std::filesystem;

// A throw-away lexicon directory with the given files.
class LexiconDirectory {
 public:
  explicit LexiconDirectory(const std::vector<std::pair<std::string, std::string>>& files) {
    path_ =
        fs::temp_directory_path() /
        ("sentinelle-lexicon-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
    for (const auto& [name, text] : files) {
      std::ofstream(path_ / name) << text;
    }
  }
  ~LexiconDirectory() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<std::string> problems_of(
    const std::vector<std::pair<std::string, std::string>>& files) {
  LexiconDirectory directory(files);
  std::vector<lexicon_problem> problems;
  EXPECT_EQ(lexicon::load(directory.path(), problems), nullptr);
  std::vector<std::string> messages;
  for (const auto& problem : problems) {
    messages.push_back(problem.to_string());
  }
  return messages;
}

TEST(Lexicon, ReportsABadRegexWithFileAndLine) {
  const auto problems = problems_of({{"a.lex", "bon | 1\nre:(unclosed | -1\n"}});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].rfind("a.lex:2: bad pattern: ", 0), 0U) << problems[0];
  // The expression is compiled inside the set's wrapper; the error still quotes it as written.
  EXPECT_NE(problems[0].find("(unclosed"), std::string::npos) << problems[0];
  EXPECT_EQ(problems[0].find("(?:"), std::string::npos) << problems[0];
}

TEST(Lexicon, ReportsDuplicatesAcrossFilesAfterFolding) {
  const auto problems = problems_of({{"a.lex", "Déçu | -2\n"}, {"b.lex", "decu | -2\n"}});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0], "b.lex:1: duplicate of 'Déçu' at a.lex:1");
}

TEST(Lexicon, ReportsConflictingWeights) {
  const auto problems = problems_of({{"a.lex", "lent | -1\nlent | -2\n"}});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_NE(problems[0].find("a.lex:2: conflicting weights for 'lent'"), std::string::npos);
}

TEST(Lexicon, MergesTagsOfTheSamePatternAcrossFiles) {
  LexiconDirectory directory(
      {{"a.lex", "attente | -0.5\n"}, {"b.lex", "attente | | topic=wait_time\n"}});
  std::vector<lexicon_problem> problems;
  const auto lex = lexicon::load(directory.path(), problems);
  ASSERT_NE(lex, nullptr);
  ASSERT_EQ(lex->entries().size(), 1U);
  EXPECT_DOUBLE_EQ(lex->entries()[0].weight, -0.5);
  EXPECT_EQ(lex->entries()[0].topics.size(), 1U);
}

TEST(Lexicon, ReportsBadPrefixesAndEmptyDirectories) {
  EXPECT_EQ(problems_of({{"a.lex", "ab* | -1\n"}})[0],
            "a.lex:1: bad pattern: a prefix needs at least 3 letters before '*'");
  EXPECT_EQ(problems_of({{"a.lex", "a*b | -1\n"}})[0],
            "a.lex:1: bad pattern: '*' only ends a word");
  EXPECT_EQ(problems_of({{"notes.txt", "bon | 1\n"}})[0], ":0: no .lex file in this directory");
  EXPECT_EQ(problems_of({{"a.lex", "bon | 1\n"}, {"sms.map", "tjrs toujours\n"}})[0],
            "sms.map:1: expected 'short = long'");
}

TEST(Lexicon, ReportsEveryProblemNotJustTheFirst) {
  EXPECT_EQ(problems_of({{"a.lex", "x | 9\ny | 1 | topic=nope\nz | z\n"}}).size(), 3U);
}

// Every occurrence of every entry, as (entry pattern, first token, last token).
std::set<std::tuple<std::string, std::uint32_t, std::uint32_t>> matches_of(const lexicon& lex,
                                                                           std::string_view text) {
  normalized_text normalized;
  fold_cache cache;
  EXPECT_FALSE(lex.text_normalizer().normalize(text, normalized, cache));
  std::vector<lexicon_match> matches;
  lex.find_matches(normalized, matches);
  std::set<std::tuple<std::string, std::uint32_t, std::uint32_t>> result;
  for (const auto& m : matches) {
    result.emplace(lex.entries()[m.entry].pattern, m.first, m.last);
  }
  return result;
}

// Compiled once when its line is read, the locator is the one the matcher uses: an expression
// given in two files is one entry with both tags, and finds its match once.
TEST(Lexicon, ARegexEntryGivenInTwoFilesMatchesOnce) {
  LexiconDirectory directory({{"a.lex", "re:3 ?eme fois | -2 | flag=repeat_contact\n"},
                              {"b.lex", "re:3 ?eme fois | | topic=unresolved\n"}});
  std::vector<lexicon_problem> problems;
  const auto lex = lexicon::load(directory.path(), problems);
  ASSERT_NE(lex, nullptr) << (problems.empty() ? "" : problems[0].to_string());
  ASSERT_EQ(lex->entries().size(), 1U);
  EXPECT_EQ(lex->entries()[0].topics.size(), 1U);
  const auto found = matches_of(*lex, "C'est la 3 eme fois, et pas la 3eme fois seulement");
  EXPECT_EQ(found.size(), 2U);
  for (const auto& [pattern, first, last] : found) {
    EXPECT_EQ(pattern, "re:3 ?eme fois");
  }
}

// The exact-match table and the prefix index are fast paths for literal and one-word prefix
// entries: they must find exactly what the RE2::Set finds when the same entries are compiled as
// expressions. The corpus is built from
// the lexicon itself (every pattern, alone, in pairs and in a sentence), not from eval data.
TEST(Lexicon, LiteralTableAgreesWithTheRegexPath) {
  for (const std::string& directory :
       {std::string(SENTINELLE_TEST_DATA) + "/rules_lexicon", std::string(SENTINELLE_LEXICONS)}) {
    const auto fast = testing::load_lexicon(directory);
    const auto reference = testing::load_lexicon(directory, {.literals_as_regex = true});
    ASSERT_NE(fast, nullptr);
    ASSERT_NE(reference, nullptr);
    const auto& entries = fast->entries();
    std::size_t compared = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].kind == pattern_kind::regex) {
        continue;
      }
      // A prefix entry is tried with a word that continues its stem ("rembours*" → "remboursons").
      std::string subject = entries[i].pattern;
      std::replace(subject.begin(), subject.end(), '*', 'o');
      const std::string& next = entries[(i * 7 + 3) % entries.size()].pattern;
      const std::string text = "Franchement, " + subject + "ns " +
                               (next.starts_with("re:") ? "" : next) + " ! " + subject;
      ASSERT_EQ(matches_of(*fast, text), matches_of(*reference, text)) << text;
      ++compared;
    }
    EXPECT_GT(compared, 10U);
  }
}

}  // namespace
}  // namespace sentinelle
