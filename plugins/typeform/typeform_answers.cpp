#include "typeform/typeform_answers.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sentinelle::typeform {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;
using survey_form::role;
using enum survey_form::role;

// What the form's definition says of a field: webhooks repeat it beside the answers, and only
// there are a scale's `steps` and `start_at_one`.
struct field_shape {
  std::string_view type;
  std::string_view ref;
  std::optional<std::int64_t> steps;
  bool start_at_one = false;  // Typeform's default: a scale starts at 0
};

using definition = std::unordered_map<std::string_view, field_shape>;

// Sets `out` to the string at `key` when there is one; leaves it as it was otherwise.
void read_text(object from, std::string_view key, std::string_view& out) {
  std::string_view text;
  if (from[key].get(text) == SUCCESS) {
    out = text;
  }
}

// The definition is a hint: a field it does not describe, or describes oddly, is detected from
// the answer's own `field.type` alone.
definition read_definition(object form_response) {
  definition fields;
  object form;
  array list;
  if (form_response["definition"].get(form) != SUCCESS || form["fields"].get(list) != SUCCESS) {
    return fields;
  }
  for (const element item : list) {
    object field;
    std::string_view id;
    if (item.get(field) != SUCCESS || field["id"].get(id) != SUCCESS) {
      continue;
    }
    field_shape shape;
    read_text(field, "type", shape.type);
    read_text(field, "ref", shape.ref);
    object properties;
    std::int64_t steps = 0;
    bool from_one = false;
    if (field["properties"].get(properties) == SUCCESS) {
      if (properties["steps"].get(steps) == SUCCESS) {
        shape.steps = steps;
      }
      shape.start_at_one = properties["start_at_one"].get(from_one) == SUCCESS && from_one;
    }
    fields.emplace(id, shape);
  }
  return fields;
}

// The detection rules (README.md, "Mapping"): an answer to a field of `type` — for a scale, of
// `steps` steps starting at 0 or 1 — feeds `target`; the lowest rank wins among several.
struct detection_rule {
  role target;
  std::string_view type;
  std::int64_t steps;  // 0: any
  bool from_one;
  int rank;
};

constexpr std::array<detection_rule, 7> detection_rules{{
    {nps, "nps", 0, false, 0},
    {nps, "opinion_scale", 11, false, 1},
    {csat, "rating", 5, true, 0},
    {csat, "opinion_scale", 5, true, 1},
    {ces, "opinion_scale", 7, true, 0},
    {comment, "long_text", 0, false, 0},
    {comment, "short_text", 0, false, 1},
}};

// A rating starts at 1 and has 5 steps unless the definition says otherwise (Typeform's
// default). An opinion scale without `steps` in the definition has no known range: no match.
bool range_matches(const detection_rule& rule, const field_shape& shape) {
  if (rule.steps == 0) {
    return true;
  }
  if (shape.type == "rating") {
    return shape.steps.value_or(5) == rule.steps;
  }
  return shape.steps == rule.steps && shape.start_at_one == rule.from_one;
}

// How well a field of `shape` fits `wanted` when its key is not configured; nullopt: no fit.
std::optional<int> detection_rank(role wanted, const field_shape& shape) {
  for (const detection_rule& rule : detection_rules) {
    if (rule.target == wanted && rule.type == shape.type && range_matches(rule, shape)) {
      return rule.rank;
    }
  }
  return std::nullopt;
}

// The answer chosen for one role, and how it was chosen.
struct choice {
  object answer;
  std::string path;
  int rank = 0;
  bool by_config = false;
  bool found = false;
};

using choices = std::array<choice, survey_form::roles.size()>;

void consider(choices& chosen, const settings& config, object answer, std::string path,
              std::string_view id, const field_shape& shape) {
  for (const role r : survey_form::roles) {
    const std::string& key = survey_form::configured(config, r);
    if (!key.empty() && (key == shape.ref || key == id)) {
      chosen[r] = {answer, std::move(path), -1, true, true};
      return;  // a configured field feeds that role only
    }
  }
  for (const role r : survey_form::roles) {
    const auto rank =
        survey_form::configured(config, r).empty() ? detection_rank(r, shape) : std::nullopt;
    if (rank && (!chosen[r].found || *rank < chosen[r].rank)) {
      chosen[r] = {answer, path, *rank, false, true};
    }
  }
}

// The chosen answer's value: its `number` for a score, its `text` for the comment.
survey_form::chosen_answer value_of(const choice& chosen, role wanted) {
  const std::string_view key = wanted == comment ? "text" : "number";
  return {chosen.answer[key], chosen.path + "." + std::string(key), chosen.by_config};
}

}  // namespace

void read_answers(object form_response, const settings& config, event& out,
                  std::vector<payload_problem>& problems) {
  element value;
  array answers;
  if (form_response["answers"].get(value) != SUCCESS || value.is_null()) {
    return;  // every question was skipped
  }
  if (value.get(answers) != SUCCESS) {
    problems.push_back({"form_response.answers", "must be an array"});
    return;
  }
  const definition fields = read_definition(form_response);
  choices chosen;
  std::size_t index = 0;
  for (const element item : answers) {
    std::string path = "form_response.answers[" + std::to_string(index++) + "]";
    object answer;
    object field;
    std::string_view id;
    if (item.get(answer) != SUCCESS || answer["field"].get(field) != SUCCESS ||
        field["id"].get(id) != SUCCESS) {
      problems.push_back({path, "must be an object with field.id"});
      continue;
    }
    const auto described = fields.find(id);
    field_shape shape = described == fields.end() ? field_shape{} : described->second;
    // The answer's own field.type and field.ref win over the definition's, when given.
    read_text(field, "type", shape.type);
    read_text(field, "ref", shape.ref);
    consider(chosen, config, answer, std::move(path), id, shape);
  }
  for (const role r : survey_form::roles) {
    if (chosen[r].found) {
      survey_form::read_answer(r, value_of(chosen[r], r), "the field configured as", out, problems);
    }
  }
}

}  // namespace sentinelle::typeform
