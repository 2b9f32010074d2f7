#include "plugin/plugin_settings.hpp"

namespace sentinelle::plugin_settings_detail {

std::string where(const plugin_settings& settings, std::string_view key) {
  return "plugins." + settings.plugin + "." + std::string(key);
}

std::string_view type_name(const setting_value& value) {
  switch (value.index()) {
    case 0:
      return "a string";
    case 1:
      return "an integer";
    default:
      return "true or false";
  }
}

}  // namespace sentinelle::plugin_settings_detail
