#pragma once

#include <string>

#include "plugin/plugin_settings.hpp"

namespace sentinelle::formbricks {

// [plugins.formbricks], read once at start-up (README.md, "Configuration").
struct settings {
  std::string secret;       // the webhook's signing secret, "whsec_…" (Standard Webhooks)
  std::string signing_key;  // its decoded bytes, set by read_settings (not a key of the table)

  // Which question feeds which score: a Formbricks question id. Empty: a question whose id is
  // the key's name ("nps", "csat", "ces", "comment"), else detected (formbricks_answers.hpp).
  std::string nps;
  std::string csat;
  std::string ces;
  std::string comment;

  // The channel of responses that carry no `channel` hidden field; empty leaves it unset.
  std::string channel;

  // The hidden fields (?agent_id=a-17 in the survey's link; Formbricks stores them in the
  // response's `data`) read into each dimension.
  std::string hidden_agent_id = "agent_id";
  std::string hidden_team_id = "team_id";
  std::string hidden_queue = "queue";
  std::string hidden_customer_id = "customer_id";
  std::string hidden_interaction_id = "interaction_id";
  std::string hidden_channel = "channel";
  std::string hidden_touchpoint = "touchpoint";
  std::string hidden_language = "language";
};

// Fills `out` from the [plugins.formbricks] table; false and `error`
// ("plugins.formbricks.KEY: …") on an unknown key, a wrong type, a missing secret or one that
// is not a Standard Webhooks secret, or an unknown channel.
bool read_settings(const plugin_settings& table, settings& out, std::string& error);

}  // namespace sentinelle::formbricks
