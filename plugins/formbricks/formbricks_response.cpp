#include "formbricks/formbricks_response.hpp"

#include <algorithm>
#include <array>

#include "util/time.hpp"

namespace sentinelle::formbricks {
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

// A string member, when it is one (and not longer than a dimension may be).
std::string_view text_at(object from, std::string_view key) {
  std::string_view text;
  return from[key].get(text) == SUCCESS && text.size() <= max_string ? text : std::string_view{};
}

// Hidden fields come from the survey's link, so the respondent can change them: a channel we
// do not know is kept as "other" rather than refusing the response, and none gives the default.
void settle_channel(const settings& config, event& out) {
  if (out.channel.empty()) {
    out.channel = config.channel;
  } else if (std::find(channels.begin(), channels.end(), out.channel) == channels.end()) {
    out.channel = "other";
  }
}

void read_hidden(object response, const settings& config, const std::string& path, event& out,
                 std::vector<problem>& problems) {
  object data;
  if (response["data"].get(data) != SUCCESS) {
    return;  // read_answers reports it
  }
  for (const hidden_target& target : hidden_targets) {
    const std::string& name = config.*target.name;
    element value;
    std::string_view text;
    if (name.empty() || data[name].get(value) != SUCCESS || value.is_null()) {
      continue;
    }
    if (value.get(text) != SUCCESS) {
      problems.push_back({path + ".data." + name, "must be a string (a hidden field)"});
    } else if (text.size() > max_string) {
      problems.push_back({path + ".data." + name, "is longer than 256 bytes"});
    } else {
      out.*target.member = text;
    }
  }
  settle_channel(config, out);
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
               std::vector<problem>& problems) {
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
             std::vector<problem>& problems) {
  out.id.assign(webhook_id);
  if (several) {
    const std::string_view response_id = text_at(item.response, "id");
    if (response_id.empty()) {
      problems.push_back(
          {item.path + ".id", "is required when a delivery holds several responses"});
    }
    out.id.append(":").append(response_id);
  }
  if (out.id.size() > max_string) {
    problems.push_back({"webhook-id", "with the response id, is longer than 256 bytes"});
  }
}

}  // namespace

bool read_response(const finished_response& item, std::string_view webhook_id, bool several,
                   const settings& config, event& out, std::vector<problem>& problems) {
  read_id(item, webhook_id, several, out, problems);
  survey_answers answers = read_answers(item.response, config, item.path, problems);
  const bool something = !answers.empty();
  out.nps = answers.nps;
  out.csat = answers.csat;
  out.ces = answers.ces;
  out.verbatim = std::move(answers.comment);
  read_hidden(item.response, config, item.path, out, problems);
  read_context(item.response, out);
  read_time(item.response, item.path, out, problems);
  return something;
}

}  // namespace sentinelle::formbricks
