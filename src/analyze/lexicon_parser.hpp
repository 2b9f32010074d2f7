#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analyze/lexicon_entry.hpp"

namespace sentinelle {

struct lexicon_problem {
  std::string file;
  int line = 0;
  std::string message;
  std::string to_string() const { return file + ":" + std::to_string(line) + ": " + message; }
};

// Reads the fields of `.lex` lines (`PATTERN | WEIGHT | TAGS`, `@tags` directives) into entries
// whose pattern is not yet normalized; every mistake becomes a FILE:LINE problem.
class lexicon_file_parser {
 public:
  explicit lexicon_file_parser(std::string file_name) : file_(std::move(file_name)) {}

  // Parses one line; appends to `entries` or `problems`.
  void parse_line(std::string_view line, int number, std::vector<lexicon_entry>& entries,
                  std::vector<lexicon_problem>& problems);

 private:
  bool apply_tag(std::string_view tag, lexicon_entry& entry, std::string& error) const;
  bool apply_tags(std::string_view tags, lexicon_entry& entry, std::string& error) const;

  std::string file_;
  std::string directive_tags_;
};

// Parses one `sms.map` line (`short = long`); returns false and sets `error` when malformed.
bool parse_sms_line(std::string_view line, std::string& key, std::string& replacement,
                    std::string& error);

std::string_view trim(std::string_view text);

}  // namespace sentinelle
