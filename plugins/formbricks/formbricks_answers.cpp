#include "formbricks/formbricks_answers.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace sentinelle::formbricks {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

enum role : std::size_t { nps, csat, ces, comment, role_count };

constexpr std::array<std::string_view, role_count> role_names{"nps", "csat", "ces", "comment"};

struct score_scale {
  int low;
  int high;
};
constexpr std::array<score_scale, 3> scales{{{0, 10}, {1, 5}, {1, 7}}};  // nps, csat, ces

const std::string& configured(const settings& config, role wanted) {
  switch (wanted) {
    case nps:
      return config.nps;
    case csat:
      return config.csat;
    case ces:
      return config.ces;
    default:
      return config.comment;
  }
}

// The question that feeds a role: its id, and whether it was named (configured or by the
// conventional id) or only detected.
struct source {
  std::string_view id;
  bool named = false;
};

// Whether a question of the survey definition fits `wanted`. Formbricks' rating `range` is its
// number of points; an open text asking for an email, a URL or a number is no comment.
bool fits(role wanted, object question) {
  std::string_view type;
  std::int64_t range = 0;
  std::string_view input = "text";
  if (question["type"].get(type) != SUCCESS) {
    return false;
  }
  const bool rating = type == "rating" && question["range"].get(range) == SUCCESS;
  switch (wanted) {
    case nps:
      return type == "nps";
    case csat:
      return rating && range == 5;
    case ces:
      return rating && range == 7;
    default:
      return type == "openText" && (question["inputType"].get(input) != SUCCESS || input == "text");
  }
}

bool is_configured(const settings& config, std::string_view id) {
  for (std::size_t r = 0; r < role_count; ++r) {
    if (configured(config, static_cast<role>(r)) == id) {
      return true;
    }
  }
  return false;
}

// An answer is there unless the key is absent, null or "" (a skipped question).
bool answered(object data, std::string_view id) {
  element value;
  std::string_view text;
  return data[id].get(value) == SUCCESS && !value.is_null() &&
         !(value.get(text) == SUCCESS && text.empty());
}

source find_source(role wanted, object response, object data, const settings& config) {
  const std::string& key = configured(config, wanted);
  if (!key.empty()) {
    return {key, true};
  }
  if (answered(data, role_names[wanted])) {
    return {role_names[wanted], true};
  }
  object survey;
  array questions;
  if (response["survey"].get(survey) != SUCCESS || survey["questions"].get(questions) != SUCCESS) {
    return {};
  }
  for (const element item : questions) {
    object question;
    std::string_view id;
    if (item.get(question) == SUCCESS && question["id"].get(id) == SUCCESS &&
        !is_configured(config, id) && answered(data, id) && fits(wanted, question)) {
      return {id, false};
    }
  }
  return {};
}

void read_score(object data, const source& from, role wanted, const std::string& path,
                std::optional<int>& out, std::vector<problem>& problems) {
  const score_scale scale = scales[wanted];
  element value;
  std::int64_t number = 0;
  const bool integer =
      data[from.id].get(value) == SUCCESS &&
      (value.type() == element_type::INT64 || value.type() == element_type::UINT64) &&
      value.get(number) == SUCCESS;
  if (integer && number >= scale.low && number <= scale.high) {
    out = static_cast<int>(number);
  } else if (from.named) {
    problems.push_back({path + ".data." + std::string(from.id),
                        "must be an integer from " + std::to_string(scale.low) + " to " +
                            std::to_string(scale.high) + " (the question read as " +
                            std::string(role_names[wanted]) + ")"});
  }
}

void read_comment(object data, const source& from, const std::string& path, std::string& out,
                  std::vector<problem>& problems) {
  std::string_view text;
  const std::string field = path + ".data." + std::string(from.id);
  if (data[from.id].get(text) != SUCCESS) {
    if (from.named) {
      problems.push_back({field, "must be a text answer (the question read as comment)"});
    }
  } else if (text.size() > max_verbatim) {
    problems.push_back({field, "is longer than " + std::to_string(max_verbatim) + " bytes"});
  } else {
    out.assign(text);
  }
}

}  // namespace

survey_answers read_answers(object response, const settings& config, const std::string& path,
                            std::vector<problem>& problems) {
  survey_answers found;
  object data;
  if (response["data"].get(data) != SUCCESS) {
    problems.push_back({path + ".data", "is required (an object: question id → answer)"});
    return found;
  }
  const std::array<std::optional<int>*, 3> scores{&found.nps, &found.csat, &found.ces};
  for (std::size_t r = 0; r < role_count; ++r) {
    const source from = find_source(static_cast<role>(r), response, data, config);
    if (from.id.empty() || !answered(data, from.id)) {
      continue;  // no such question, or the respondent skipped it
    }
    if (r == comment) {
      read_comment(data, from, path, found.comment, problems);
    } else {
      read_score(data, from, static_cast<role>(r), path, *scores[r], problems);
    }
  }
  return found;
}

}  // namespace sentinelle::formbricks
