#include "formbricks/formbricks_response.hpp"

#include "formbricks/formbricks_answers.hpp"
#include "util/time.hpp"

namespace sentinelle::formbricks {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::element;
using simdjson::dom::object;

// A string member, when it is one (and not longer than a dimension may be).
std::string_view text_at(object from, std::string_view key) {
  std::string_view text;
  return from[key].get(text) == SUCCESS && text.size() <= survey_form::max_dimension
             ? text
             : std::string_view{};
}

// Formbricks stores the hidden fields among the answers, in the response's `data`.
void read_hidden(object response, const settings& config, const std::string& path, event& out,
                 std::vector<payload_problem>& problems) {
  object data;
  if (response["data"].get(data) != SUCCESS) {
    return;  // read_answers reports it
  }
  survey_form::read_hidden_fields({data, path + ".data.", "must be a string (a hidden field)"},
                                  config, out, problems);
  survey_form::settle_channel(config, out);
}

// Falls back on what Formbricks knows itself when no hidden field said it: the contact's user
// id, the response's language ("default" is the survey's own), the survey as touchpoint.
void read_context(object response, event& out) {
  object contact;
  if (out.customer_id.empty() && response["contact"].get(contact) == SUCCESS) {
    out.customer_id = text_at(contact, "userId");
  }
  const std::string_view language = text_at(response, "language");
  if (out.language.empty() && language != "default") {
    out.language = language;
  }
  if (out.touchpoint.empty()) {
    out.touchpoint = text_at(response, "surveyId");
  }
}

// The response finished when it was last updated; createdAt if that is missing.
void read_time(object response, const std::string& path, event& out,
               std::vector<payload_problem>& problems) {
  for (const std::string_view key : {"updatedAt", "createdAt"}) {
    element value;
    std::string_view text;
    if (response[key].get(value) != SUCCESS || value.is_null()) {
      continue;
    }
    const auto parsed = value.get(text) == SUCCESS ? parse_rfc3339(text) : std::nullopt;
    if (!parsed) {
      problems.push_back({path + "." + std::string(key), "must be an RFC 3339 date-time"});
    } else {
      out.occurred_at_ms = *parsed;
    }
    return;
  }
}

void read_id(const finished_response& item, std::string_view webhook_id, bool several, event& out,
             std::vector<payload_problem>& problems) {
  out.id.assign(webhook_id);
  if (several) {
    const std::string_view response_id = text_at(item.response, "id");
    if (response_id.empty()) {
      problems.push_back(
          {item.path + ".id", "is required when a delivery holds several responses"});
    }
    out.id.append(":").append(response_id);
  }
  if (out.id.size() > survey_form::max_dimension) {
    problems.push_back({"webhook-id", "with the response id, is longer than 256 bytes"});
  }
}

}  // namespace

bool read_response(const finished_response& item, std::string_view webhook_id, bool several,
                   const settings& config, event& out, std::vector<payload_problem>& problems) {
  read_id(item, webhook_id, several, out, problems);
  read_answers(item.response, config, item.path, out, problems);
  read_hidden(item.response, config, item.path, out, problems);
  read_context(item.response, out);
  read_time(item.response, item.path, out, problems);
  return survey_form::has_answers(out);
}

}  // namespace sentinelle::formbricks
