#include "typeform/typeform_delivery.hpp"

#include <string>
#include <vector>

#include "typeform/typeform_answers.hpp"
#include "util/time.hpp"

namespace sentinelle::typeform {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::element;
using simdjson::dom::object;

// A required, non-empty string of at most survey_form::max_dimension bytes.
void read_id(object from, std::string_view key, std::string& out,
             std::vector<payload_problem>& problems) {
  std::string_view text;
  if (from[key].get(text) != SUCCESS || text.empty()) {
    problems.push_back({std::string(key), "is required (a non-empty string)"});
  } else if (text.size() > survey_form::max_dimension) {
    problems.push_back({std::string(key), "is longer than 256 bytes"});
  } else {
    out.assign(text);
  }
}

void read_hidden(object form_response, const settings& config, event& out,
                 std::vector<payload_problem>& problems) {
  element value;
  object hidden;
  if (form_response["hidden"].get(value) == SUCCESS && !value.is_null()) {
    if (value.get(hidden) != SUCCESS) {
      problems.push_back({"form_response.hidden", "must be an object"});
      return;
    }
    survey_form::read_hidden_fields({hidden, "form_response.hidden.", "must be a string"}, config,
                                    out, problems);
  }
  survey_form::settle_channel(config, out);
}

void read_submitted_at(object form_response, event& out, std::vector<payload_problem>& problems) {
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
      form_id.size() <= survey_form::max_dimension) {
    out.touchpoint.assign(form_id);
  }
}

void read_form_response(object envelope, const settings& config, event& out,
                        std::vector<payload_problem>& problems) {
  read_id(envelope, "event_id", out.id, problems);
  object form_response;
  if (envelope["form_response"].get(form_response) != SUCCESS) {
    problems.push_back({"form_response", "is required (an object)"});
    return;
  }
  read_answers(form_response, config, out, problems);
  read_hidden(form_response, config, out, problems);
  read_submitted_at(form_response, out, problems);
  default_touchpoint(form_response, out);
}

}  // namespace

mapped_payload map_delivery(element root, const settings& config, std::int64_t now_ms) {
  mapped_payload result;
  result.refusal = "the form response cannot be read as a survey";
  object envelope;
  std::string_view type;
  if (root.get(envelope) != SUCCESS || envelope["event_type"].get(type) != SUCCESS) {
    result.refusal = "not a Typeform webhook";
    result.problems.push_back({"event_type", "is required (a string)"});
    return result;
  }
  if (type != "form_response") {
    result.batch.skipped = 1;  // e.g. form_response_partial: only submitted responses are surveys
    return result;
  }
  event survey;
  survey.kind = event_kind::survey;
  survey.source = "typeform";
  survey.occurred_at_ms = now_ms;
  survey.received_at_ms = now_ms;
  read_form_response(envelope, config, survey, result.problems);
  if (!result.problems.empty()) {
    return result;
  }
  if (survey_form::has_answers(survey)) {
    result.batch.events.push_back(std::move(survey));
  } else {
    result.batch.skipped = 1;  // no question of the form maps to a score or a comment
  }
  return result;
}

}  // namespace sentinelle::typeform
