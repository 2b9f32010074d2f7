#include "typeform/typeform_settings.hpp"

namespace sentinelle::typeform {

bool read_settings(const plugin_settings& table, settings& out, std::string& error) {
  const auto keys = survey_form::keys<settings>({{"secret", &settings::secret, true}});
  if (!sentinelle::read_settings<settings>(table, keys, out, error)) {
    return false;
  }
  if (out.secret.empty()) {
    error = "plugins.typeform.secret: must not be empty";
    return false;
  }
  return survey_form::check_settings(table, out, error);
}

}  // namespace sentinelle::typeform
