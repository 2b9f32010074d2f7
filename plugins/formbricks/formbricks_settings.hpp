#pragma once

#include <string>

#include "plugin/plugin_settings.hpp"
#include "plugin/survey_form.hpp"

namespace sentinelle::formbricks {

// [plugins.formbricks], read once at start-up (README.md, "Configuration"): the survey-form keys
// (src/plugin/survey_form.hpp), where a question is a Formbricks question id and an empty one is
// the question whose id is the key's name ("nps", …), else detected (formbricks_answers.hpp);
// the hidden fields are stored by Formbricks in the response's `data`; and the secret.
struct settings : survey_form::settings {
  std::string secret;       // the webhook's signing secret, "whsec_…" (Standard Webhooks)
  std::string signing_key;  // its decoded bytes, set by read_settings (not a key of the table)
};

// Fills `out` from the [plugins.formbricks] table; false and `error`
// ("plugins.formbricks.KEY: …") on an unknown key, a wrong type, a missing secret or one that
// is not a Standard Webhooks secret, or an unknown channel.
bool read_settings(const plugin_settings& table, settings& out, std::string& error);

}  // namespace sentinelle::formbricks
