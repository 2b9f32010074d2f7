#pragma once

#include <string>

#include "plugin/plugin_settings.hpp"

namespace sentinelle::typeform {

// [plugins.typeform], read once at start-up (README.md, "Configuration").
struct settings {
  std::string secret;  // the webhook's secret: the HMAC key of Typeform-Signature

  // Which question feeds which score: a Typeform field ref (or field id). Empty: detected from
  // the field's type (typeform_answers.hpp).
  std::string nps;
  std::string csat;
  std::string ces;
  std::string comment;

  // The channel of responses that carry no `channel` hidden field; empty leaves it unset.
  std::string channel;

  // The hidden fields (?agent_id=a-17 in the form's link) read into each dimension.
  std::string hidden_agent_id = "agent_id";
  std::string hidden_team_id = "team_id";
  std::string hidden_queue = "queue";
  std::string hidden_customer_id = "customer_id";
  std::string hidden_interaction_id = "interaction_id";
  std::string hidden_channel = "channel";
  std::string hidden_touchpoint = "touchpoint";
  std::string hidden_language = "language";
};

// Fills `out` from the [plugins.typeform] table; false and `error` ("plugins.typeform.KEY: …")
// on an unknown key, a wrong type, a missing or empty secret, or an unknown channel.
bool read_settings(const plugin_settings& table, settings& out, std::string& error);

}  // namespace sentinelle::typeform
