#include "formbricks/formbricks_answers.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace sentinelle::formbricks {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;
using survey_form::role;
using enum survey_form::role;

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
  for (const role r : survey_form::roles) {
    if (survey_form::configured(config, r) == id) {
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
  const std::string& key = survey_form::configured(config, wanted);
  if (!key.empty()) {
    return {key, true};
  }
  if (answered(data, survey_form::name_of(wanted))) {
    return {survey_form::name_of(wanted), true};
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

}  // namespace

void read_answers(object response, const settings& config, const std::string& path, event& out,
                  std::vector<payload_problem>& problems) {
  object data;
  if (response["data"].get(data) != SUCCESS) {
    problems.push_back({path + ".data", "is required (an object: question id → answer)"});
    return;
  }
  for (const role r : survey_form::roles) {
    const source from = find_source(r, response, data, config);
    if (from.id.empty() || !answered(data, from.id)) {
      continue;  // no such question, or the respondent skipped it
    }
    survey_form::read_answer(r, {data[from.id], path + ".data." + std::string(from.id), from.named},
                             "the question read as", out, problems);
  }
}

}  // namespace sentinelle::formbricks
