#include "analyze/lexicon_parser.hpp"

#include <charconv>
#include <cmath>

namespace sentinelle {
namespace {

constexpr double max_weight = 5.0;

bool parse_number(std::string_view text, double& value) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
  }
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc{} && result.ptr == text.data() + text.size() &&
         std::isfinite(value);
}

// Splits at '|'. A `re:` pattern may hold '|' inside a group: there the parser splits only
// outside parentheses and brackets.
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  const bool regex = line.starts_with("re:");  // emoticons such as ":(" are not groups
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (regex && c == '\\') {
      ++i;
    } else if (regex && (c == '(' || c == '[')) {
      ++depth;
    } else if (regex && (c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (c == '|' && depth == 0) {
      fields.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  fields.push_back(trim(line.substr(start)));
  return fields;
}

}  // namespace

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

bool lexicon_file_parser::apply_tag(std::string_view tag, lexicon_entry& entry,
                                    std::string& error) const {
  const auto equals = tag.find('=');
  const std::string_view name = tag.substr(0, equals);
  const std::string_view value = equals == std::string_view::npos ? "" : tag.substr(equals + 1);
  if (name == "topic") {
    const auto topic = find_topic(value);
    if (!topic) {
      error = "unknown topic '" + std::string(value) + "'";
      return false;
    }
    entry.topics.push_back(*topic);
  } else if (name == "flag") {
    const auto flag = find_flag(value);
    if (!flag) {
      error = "unknown flag '" + std::string(value) + "'";
      return false;
    }
    entry.flags |= 1U << *flag;
  } else if (name == "negator" || name == "intensifier") {
    double factor = 1.0;
    if (!value.empty() && (!parse_number(value, factor) || factor <= 0.0 || factor > 5.0)) {
      error = "bad factor '" + std::string(value) + "' (a number in (0, 5])";
      return false;
    }
    (name == "negator" ? entry.negator : entry.intensifier) = true;
    entry.multiplier = factor;
    if (name == "intensifier" && value.empty()) {
      error = "intensifier needs a factor (intensifier=1.5)";
      return false;
    }
  } else if (tag == "after") {
    entry.applies_after = true;
  } else if (tag == "contrast") {
    entry.contrast = true;
  } else {
    error = "unknown tag '" + std::string(tag) + "'";
    return false;
  }
  return true;
}

bool lexicon_file_parser::apply_tags(std::string_view tags, lexicon_entry& entry,
                                     std::string& error) const {
  std::size_t at = 0;
  while (at < tags.size()) {
    const auto start = tags.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) {
      break;
    }
    const auto end = std::min(tags.find_first_of(" \t", start), tags.size());
    if (!apply_tag(tags.substr(start, end - start), entry, error)) {
      return false;
    }
    at = end;
  }
  if (entry.applies_after && !entry.intensifier) {
    error = "'after' applies to an intensifier only";
    return false;
  }
  return true;
}

void lexicon_file_parser::parse_line(std::string_view line, int number,
                                     std::vector<lexicon_entry>& entries,
                                     std::vector<lexicon_problem>& problems) {
  line = trim(line);
  if (line.empty() || line.front() == '#') {
    return;
  }
  const auto problem = [&](std::string message) {
    problems.push_back({file_, number, std::move(message)});
  };
  if (line.starts_with("@tags")) {
    directive_tags_ = std::string(trim(line.substr(5)));
    lexicon_entry probe;
    if (std::string error; !apply_tags(directive_tags_, probe, error)) {
      problem(error);
      directive_tags_.clear();
    }
    return;
  }
  if (line.front() == '@') {
    problem("unknown directive '" + std::string(line.substr(0, line.find(' '))) + "'");
    return;
  }
  const auto fields = split_fields(line);
  if (fields.size() > 3) {
    problem("too many '|' fields (PATTERN | WEIGHT | TAGS)");
    return;
  }
  lexicon_entry entry;
  entry.pattern = std::string(fields[0]);
  entry.source = file_ + ":" + std::to_string(number);
  if (entry.pattern.empty()) {
    problem("empty pattern");
    return;
  }
  if (fields.size() > 1 && !fields[1].empty()) {
    if (!parse_number(fields[1], entry.weight)) {
      problem("bad weight '" + std::string(fields[1]) + "'");
      return;
    }
    if (std::fabs(entry.weight) > max_weight) {
      problem("weight " + std::string(fields[1]) + " is outside [-5, 5]");
      return;
    }
  }
  std::string error;
  if (!apply_tags(directive_tags_, entry, error) ||
      (fields.size() > 2 && !apply_tags(fields[2], entry, error))) {
    problem(error);
    return;
  }
  entries.push_back(std::move(entry));
}

bool parse_sms_line(std::string_view line, std::string& key, std::string& replacement,
                    std::string& error) {
  const auto equals = line.find('=');
  if (equals == std::string_view::npos) {
    error = "expected 'short = long'";
    return false;
  }
  key = std::string(trim(line.substr(0, equals)));
  replacement = std::string(trim(line.substr(equals + 1)));
  if (key.empty() || replacement.empty()) {
    error = "expected 'short = long'";
    return false;
  }
  return true;
}

}  // namespace sentinelle
