#include "plugin/survey_form.hpp"

#include <algorithm>
#include <cstdint>

namespace sentinelle::survey_form {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::element;
using simdjson::dom::element_type;

using event_limits::channels;  // the canonical survey channels

bool is_channel(std::string_view name) {
  return std::find(channels.begin(), channels.end(), name) != channels.end();
}

struct score_scale {
  int low;
  int high;
};
constexpr std::array<score_scale, 3> scales{{{0, 10}, {1, 5}, {1, 7}}};  // nps, csat, ces

// A hidden field (named in the settings) and the dimension it fills.
struct hidden_target {
  std::string settings::*name;
  std::string event::*member;
};

constexpr std::array<hidden_target, 8> hidden_targets{{
    {&settings::hidden_agent_id, &event::agent_id},
    {&settings::hidden_team_id, &event::team_id},
    {&settings::hidden_queue, &event::queue},
    {&settings::hidden_customer_id, &event::customer_id},
    {&settings::hidden_interaction_id, &event::interaction_id},
    {&settings::hidden_channel, &event::channel},
    {&settings::hidden_touchpoint, &event::touchpoint},
    {&settings::hidden_language, &event::language},
}};

void read_score(role wanted, const chosen_answer& answer, std::string_view named_as,
                std::optional<int>& out, std::vector<payload_problem>& problems) {
  const score_scale scale = scales[wanted];
  element number;
  std::int64_t value = 0;
  const bool integer =
      answer.value.get(number) == SUCCESS &&
      (number.type() == element_type::INT64 || number.type() == element_type::UINT64) &&
      number.get(value) == SUCCESS;
  if (integer && value >= scale.low && value <= scale.high) {
    out = static_cast<int>(value);
  } else if (answer.named) {
    problems.push_back({answer.field, "must be an integer from " + std::to_string(scale.low) +
                                          " to " + std::to_string(scale.high) + " (" +
                                          std::string(named_as) + " " +
                                          std::string(name_of(wanted)) + ")"});
  }
}

void read_comment(const chosen_answer& answer, std::string_view named_as, std::string& out,
                  std::vector<payload_problem>& problems) {
  std::string_view text;
  if (answer.value.get(text) != SUCCESS) {
    if (answer.named) {
      problems.push_back(
          {answer.field, "must be a text answer (" + std::string(named_as) + " comment)"});
    }
  } else if (text.size() > max_comment) {
    problems.push_back({answer.field, "is longer than " + std::to_string(max_comment) + " bytes"});
  } else {
    out.assign(text);
  }
}

}  // namespace

bool check_settings(const plugin_settings& table, const settings& form, std::string& error) {
  if (form.channel.empty() || is_channel(form.channel)) {
    return true;
  }
  error = plugin_settings_detail::where(table, "channel") + ": must be one of ";
  for (const std::string_view name : channels) {
    error.append(name).append(name == channels.back() ? "" : ", ");
  }
  return false;
}

std::string_view name_of(role wanted) {
  constexpr std::array<std::string_view, roles.size()> names{"nps", "csat", "ces", "comment"};
  return names[wanted];
}

const std::string& configured(const settings& form, role wanted) {
  switch (wanted) {
    case nps:
      return form.nps;
    case csat:
      return form.csat;
    case ces:
      return form.ces;
    default:
      return form.comment;
  }
}

void read_answer(role wanted, const chosen_answer& answer, std::string_view named_as, event& out,
                 std::vector<payload_problem>& problems) {
  switch (wanted) {
    case nps:
      return read_score(wanted, answer, named_as, out.nps, problems);
    case csat:
      return read_score(wanted, answer, named_as, out.csat, problems);
    case ces:
      return read_score(wanted, answer, named_as, out.ces, problems);
    default:
      return read_comment(answer, named_as, out.verbatim, problems);
  }
}

bool has_answers(const event& survey) {
  return survey.nps || survey.csat || survey.ces || !survey.verbatim.empty();
}

void read_hidden_fields(const hidden_fields& hidden, const settings& form, event& out,
                        std::vector<payload_problem>& problems) {
  for (const hidden_target& target : hidden_targets) {
    const std::string& name = form.*target.name;
    element value;
    std::string_view text;
    if (name.empty() || hidden.values[name].get(value) != SUCCESS || value.is_null()) {
      continue;
    }
    if (value.get(text) != SUCCESS) {
      problems.push_back({hidden.prefix + name, std::string(hidden.not_text)});
    } else if (text.size() > max_dimension) {
      problems.push_back(
          {hidden.prefix + name, "is longer than " + std::to_string(max_dimension) + " bytes"});
    } else {
      out.*target.member = text;
    }
  }
}

void settle_channel(const settings& form, event& out) {
  if (out.channel.empty()) {
    out.channel = form.channel;
  } else if (!is_channel(out.channel)) {
    out.channel = "other";
  }
}

}  // namespace sentinelle::survey_form
