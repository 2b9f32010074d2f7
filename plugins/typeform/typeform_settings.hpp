#pragma once

#include <string>

#include "plugin/plugin_settings.hpp"
#include "plugin/survey_form.hpp"

namespace sentinelle::typeform {

// [plugins.typeform], read once at start-up (README.md, "Configuration"): the survey-form keys
// (src/plugin/survey_form.hpp), where a question is a Typeform field ref (or field id) and an
// empty one is detected from the field's type (typeform_answers.hpp), and the secret.
struct settings : survey_form::settings {
  std::string secret;  // the webhook's secret: the HMAC key of Typeform-Signature
};

// Fills `out` from the [plugins.typeform] table; false and `error` ("plugins.typeform.KEY: …")
// on an unknown key, a wrong type, a missing or empty secret, or an unknown channel.
bool read_settings(const plugin_settings& table, settings& out, std::string& error);

}  // namespace sentinelle::typeform
