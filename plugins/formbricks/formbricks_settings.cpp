#include "formbricks/formbricks_settings.hpp"

#include "signature/standard_webhooks.hpp"

namespace sentinelle::formbricks {

bool read_settings(const plugin_settings& table, settings& out, std::string& error) {
  const auto keys = survey_form::keys<settings>({{"secret", &settings::secret, true}});
  if (!sentinelle::read_settings<settings>(table, keys, out, error)) {
    return false;
  }
  const auto secret = standard_webhooks_secret::parse(out.secret, error);
  if (!secret) {
    error = "plugins.formbricks.secret: " + error;
    return false;
  }
  out.signing_key = secret->key();
  return survey_form::check_settings(table, out, error);
}

}  // namespace sentinelle::formbricks
