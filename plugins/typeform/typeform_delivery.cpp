#include "typeform/typeform_delivery.hpp"

#include <algorithm>
#include <array>

#include "util/json_writer.hpp"
#include "util/time.hpp"
#include "util/utf8.hpp"

namespace sentinelle::typeform {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr std::size_t max_string = 256;  // ids and dimensions, as canonical events (event_fields)

constexpr std::array<std::string_view, 7> channels{"voice", "chat",  "email", "social",
                                                   "sms",   "store", "other"};

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

mapped_delivery failure(unsigned status, std::string code, std::string message,
                        std::vector<problem> details = {}) {
  mapped_delivery result;
  result.status = status;
  result.code = std::move(code);
  result.message = std::move(message);
  result.details = std::move(details);
  return result;
}

mapped_delivery skipped() {
  mapped_delivery result;
  result.batch.skipped = 1;
  return result;
}

// A required, non-empty string of at most max_string bytes.
void read_id(object from, std::string_view key, std::string& out, std::vector<problem>& problems) {
  std::string_view text;
  if (from[key].get(text) != SUCCESS || text.empty()) {
    problems.push_back({std::string(key), "is required (a non-empty string)"});
  } else if (text.size() > max_string) {
    problems.push_back({std::string(key), "is longer than 256 bytes"});
  } else {
    out.assign(text);
  }
}

// Hidden fields come from the form's link, so the respondent can change them: a channel we do
// not know is kept as "other" rather than refusing the response, and none gives the default.
void settle_channel(const settings& config, event& out) {
  if (out.channel.empty()) {
    out.channel = config.channel;
  } else if (std::find(channels.begin(), channels.end(), out.channel) == channels.end()) {
    out.channel = "other";
  }
}

void read_hidden(object form_response, const settings& config, event& out,
                 std::vector<problem>& problems) {
  element value;
  object hidden;
  const bool given = form_response["hidden"].get(value) == SUCCESS && !value.is_null();
  if (given && value.get(hidden) != SUCCESS) {
    problems.push_back({"form_response.hidden", "must be an object"});
    return;
  }
  for (const hidden_target& target : hidden_targets) {
    const std::string& name = config.*target.name;
    std::string_view text;
    if (!given || name.empty() || hidden[name].get(value) != SUCCESS || value.is_null()) {
      continue;
    }
    if (value.get(text) != SUCCESS) {
      problems.push_back({"form_response.hidden." + name, "must be a string"});
    } else if (text.size() > max_string) {
      problems.push_back({"form_response.hidden." + name, "is longer than 256 bytes"});
    } else {
      out.*target.member = text;
    }
  }
  settle_channel(config, out);
}

void read_submitted_at(object form_response, event& out, std::vector<problem>& problems) {
  element value;
  std::string_view text;
  if (form_response["submitted_at"].get(value) != SUCCESS || value.is_null()) {
    return;  // keeps now
  }
  const auto parsed = value.get(text) == SUCCESS ? parse_rfc3339(text) : std::nullopt;
  if (!parsed) {
    problems.push_back({"form_response.submitted_at", "must be an RFC 3339 date-time"});
  } else {
    out.occurred_at_ms = *parsed;
  }
}

// The form stands for the touchpoint unless a hidden field names one.
void default_touchpoint(object form_response, event& out) {
  std::string_view form_id;
  if (out.touchpoint.empty() && form_response["form_id"].get(form_id) == SUCCESS &&
      form_id.size() <= max_string) {
    out.touchpoint.assign(form_id);
  }
}

void read_form_response(object envelope, const settings& config, event& out,
                        std::vector<problem>& problems) {
  read_id(envelope, "event_id", out.id, problems);
  object form_response;
  if (envelope["form_response"].get(form_response) != SUCCESS) {
    problems.push_back({"form_response", "is required (an object)"});
    return;
  }
  survey_answers answers = read_answers(form_response, config, problems);
  out.nps = answers.nps;
  out.csat = answers.csat;
  out.ces = answers.ces;
  out.verbatim = std::move(answers.comment);
  read_hidden(form_response, config, out, problems);
  read_submitted_at(form_response, out, problems);
  default_touchpoint(form_response, out);
}

}  // namespace

mapped_delivery map_delivery(std::string_view body, const settings& config, std::int64_t now_ms) {
  if (const auto invalid = find_invalid_utf8(body)) {
    return failure(400, "invalid_utf8",
                   "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
  }
  thread_local simdjson::dom::parser parser;  // reuses its buffers (STYLE.md: simdjson)
  element root;
  if (parser.parse(body.data(), body.size()).get(root) != SUCCESS) {
    return failure(400, "invalid_json", "the body is not JSON");
  }
  object envelope;
  std::string_view type;
  if (root.get(envelope) != SUCCESS || envelope["event_type"].get(type) != SUCCESS) {
    return failure(422, "invalid_event", "not a Typeform webhook",
                   {{"event_type", "is required (a string)"}});
  }
  if (type != "form_response") {
    return skipped();  // e.g. form_response_partial: only submitted responses are surveys
  }
  event survey;
  survey.kind = event_kind::survey;
  survey.source = "typeform";
  survey.occurred_at_ms = now_ms;
  survey.received_at_ms = now_ms;
  std::vector<problem> problems;
  read_form_response(envelope, config, survey, problems);
  if (!problems.empty()) {
    return failure(422, "invalid_event", "the form response cannot be read as a survey",
                   std::move(problems));
  }
  if (survey.nps || survey.csat || survey.ces || !survey.verbatim.empty()) {
    mapped_delivery result;
    result.batch.events.push_back(std::move(survey));
    return result;
  }
  return skipped();  // no question of the form maps to a score or a comment
}

std::string details_json(const std::vector<problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const problem& each : problems) {
    json.begin_object().key("field").value(each.field);
    json.key("message").value(each.message).end_object();
  }
  json.end_array();
  return out;
}

}  // namespace sentinelle::typeform
