#include "typeform/typeform_answers.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace sentinelle::typeform {
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

// The answer chosen for one role, and how it was chosen.
struct choice {
  object answer;
  std::string path;
  int rank = 0;
  bool by_config = false;
  bool found = false;
};

using choices = std::array<choice, role_count>;

void consider(choices& chosen, const settings& config, object answer, std::string path,
              std::string_view id, const field_shape& shape) {
  for (std::size_t r = 0; r < role_count; ++r) {
    const std::string& key = configured(config, static_cast<role>(r));
    if (!key.empty() && (key == shape.ref || key == id)) {
      chosen[r] = {answer, std::move(path), -1, true, true};
      return;  // a configured field feeds that role only
    }
  }
  for (std::size_t r = 0; r < role_count; ++r) {
    const auto rank = configured(config, static_cast<role>(r)).empty()
                          ? detection_rank(static_cast<role>(r), shape)
                          : std::nullopt;
    if (rank && (!chosen[r].found || *rank < chosen[r].rank)) {
      chosen[r] = {answer, path, *rank, false, true};
    }
  }
}

void read_score(const choice& chosen, role wanted, std::optional<int>& out,
                std::vector<problem>& problems) {
  const score_scale scale = scales[wanted];
  element number;
  std::int64_t value = 0;
  const bool integer =
      chosen.answer["number"].get(number) == SUCCESS &&
      (number.type() == element_type::INT64 || number.type() == element_type::UINT64) &&
      number.get(value) == SUCCESS;
  if (integer && value >= scale.low && value <= scale.high) {
    out = static_cast<int>(value);
  } else if (chosen.by_config) {
    problems.push_back(
        {chosen.path + ".number", "must be an integer from " + std::to_string(scale.low) + " to " +
                                      std::to_string(scale.high) + " (the field configured as " +
                                      std::string(role_names[wanted]) + ")"});
  }
}

void read_comment(const choice& chosen, std::string& out, std::vector<problem>& problems) {
  std::string_view text;
  if (chosen.answer["text"].get(text) != SUCCESS) {
    if (chosen.by_config) {
      problems.push_back({chosen.path + ".text",
                          "must be a text answer (the field configured "
                          "as comment)"});
    }
  } else if (text.size() > max_verbatim) {
    problems.push_back(
        {chosen.path + ".text", "is longer than " + std::to_string(max_verbatim) + " bytes"});
  } else {
    out.assign(text);
  }
}

}  // namespace

survey_answers read_answers(object form_response, const settings& config,
                            std::vector<problem>& problems) {
  survey_answers found;
  element value;
  array answers;
  if (form_response["answers"].get(value) != SUCCESS || value.is_null()) {
    return found;  // every question was skipped
  }
  if (value.get(answers) != SUCCESS) {
    problems.push_back({"form_response.answers", "must be an array"});
    return found;
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
  const std::array<std::optional<int>*, 3> scores{&found.nps, &found.csat, &found.ces};
  for (std::size_t r = nps; r <= ces; ++r) {
    if (chosen[r].found) {
      read_score(chosen[r], static_cast<role>(r), *scores[r], problems);
    }
  }
  if (chosen[comment].found) {
    read_comment(chosen[comment], found.comment, problems);
  }
  return found;
}

}  // namespace sentinelle::typeform
