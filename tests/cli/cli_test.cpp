#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct run_result {
  int status = -1;
  std::string out;
};

// Runs the real binary through the shell, feeding `input` on stdin; stderr is kept apart.
run_result run(const std::string& arguments, const std::string& input = "") {
  const fs::path in =
      fs::temp_directory_path() / ("sentinelle-cli-in-" + std::to_string(::getpid()));
  std::ofstream(in, std::ios::binary) << input;
  const std::string command =
      std::string(SENTINELLE_BINARY) + " " + arguments + " < " + in.string() + " 2>/dev/null";
  run_result result;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    result.out.append(buffer, n);
  }
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  fs::remove(in);
  return result;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    result.push_back(line);
  }
  return result;
}

const std::string lexicons = std::string("--lexicons ") + SENTINELLE_TEST_DATA + "/rules_lexicon";

TEST(Cli, VersionAndHelp) {
  EXPECT_EQ(run("--version").status, 0);
  EXPECT_THAT(run("--version").out, ::testing::StartsWith("sentinelle "));
  const auto help = run("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_THAT(help.out, ::testing::HasSubstr("sentinelle analyze"));
}

TEST(Cli, UnknownCommandOrOptionExitsTwo) {
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("analyze --frobnicate " + lexicons).status, 2);
  EXPECT_EQ(run("lexicon").status, 2);
}

TEST(Cli, AnalyzesArgumentsInOrder) {
  const auto result = run("analyze " + lexicons + " 'très déçu' 'excellent'");
  EXPECT_EQ(result.status, 0);
  const auto out = lines(result.out);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_THAT(out[0], ::testing::HasSubstr("\"label\":\"negative\""));
  EXPECT_THAT(out[1], ::testing::HasSubstr("\"label\":\"positive\""));
}

TEST(Cli, ExplainShowsMatchesWithOriginalOffsets) {
  const auto result = run("analyze --explain " + lexicons + " 'Très DÉÇU'");
  EXPECT_THAT(result.out, ::testing::HasSubstr(R"("term":"déçu","start":6,"end":12,)"));
  EXPECT_THAT(result.out, ::testing::HasSubstr(R"("source":"rules.lex:3","rules":[)"));
}

TEST(Cli, StreamsStdinOneLineOutPerLineIn) {
  std::string input;
  for (int i = 0; i < 30000; ++i) {  // several batches, so the ordered thread pool is used
    input += (i % 3 == 0 ? "excellent\n" : i % 3 == 1 ? "déçu\n" : "\n");
  }
  const auto result = run("analyze " + lexicons, input);
  EXPECT_EQ(result.status, 0);
  const auto out = lines(result.out);
  ASSERT_EQ(out.size(), 30000U);
  for (int i = 0; i < 30000; i += 997) {
    const char* expected = i % 3 == 0 ? "positive" : i % 3 == 1 ? "negative" : "neutral";
    EXPECT_THAT(out[static_cast<std::size_t>(i)], ::testing::HasSubstr(expected)) << i;
  }
}

TEST(Cli, ReportsBadLinesInTheirOwnObject) {
  const auto result = run("analyze " + lexicons, "bon\n\xff\xfe\n\nx\r\nlast without newline");
  EXPECT_EQ(result.status, 0);
  const auto out = lines(result.out);
  ASSERT_EQ(out.size(), 5U);
  EXPECT_THAT(out[1], ::testing::HasSubstr(R"("error":{"code":"invalid_utf8")"));
  EXPECT_THAT(out[2], ::testing::HasSubstr("neutral"));
}

TEST(Cli, HandlesAVeryLongLineAndNulBytes) {
  std::string input(2 << 20, 'a');
  input += " déçu\n";
  input += std::string("nul\0byte\n", 9);
  const auto result = run("analyze " + lexicons, input);
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(lines(result.out).size(), 2U);
}

TEST(Cli, LexiconCheckReportsFileAndLine) {
  const fs::path dir =
      fs::temp_directory_path() / ("sentinelle-cli-lex-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "bad.lex") << "bon | 1\nmauvais | -12\nre:(unclosed\n";
  const auto check = run("lexicon check " + dir.string());
  EXPECT_EQ(check.status, 1);
  EXPECT_THAT(check.out, ::testing::HasSubstr("bad.lex:2: weight -12 is outside [-5, 5]"));
  // A bad expression is named as written, not inside the wrapper the matcher compiles.
  EXPECT_THAT(check.out, ::testing::HasSubstr("bad.lex:3: bad pattern: missing ): (unclosed"));
  EXPECT_EQ(run("analyze --lexicons " + dir.string() + " bon").status, 2);
  fs::remove_all(dir);
  EXPECT_EQ(run("lexicon check " + std::string(SENTINELLE_TEST_DATA) + "/rules_lexicon").status, 0);
  EXPECT_EQ(run("lexicon check /nonexistent/dir").status, 1);
}

}  // namespace
