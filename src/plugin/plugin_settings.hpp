#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace sentinelle {

// A value of a plugin's configuration, as TOML gave it.
using setting_value = std::variant<std::string, std::int64_t, bool>;

// One [plugins.NAME] table of the configuration. Nested tables are flattened with dots
// (`[plugins.zendesk.fields] score = …` is "fields.score"), so a plugin declares every key it
// takes in one flat list and the core needs to know nothing of them.
struct plugin_settings {
  std::string plugin;  // NAME
  std::map<std::string, setting_value> values;
};

// One key a plugin takes: its name, the member of the plugin's config it fills, and whether it
// must be given. A plugin declares its keys once, in one array (STYLE.md: fluent-bit's
// config_map), and read_settings() enforces them.
template <class Config>
struct setting_key {
  std::string_view name;
  std::variant<std::string Config::*, std::int64_t Config::*, bool Config::*> member;
  bool required = false;
};

namespace plugin_settings_detail {

std::string where(const plugin_settings& settings, std::string_view key);
std::string_view type_name(const setting_value& value);

}  // namespace plugin_settings_detail

// Fills `out` from `settings`. An unknown key, a value of the wrong type and a missing required
// key are errors that name the key ("plugins.typeform.nsp: unknown key"), so a typo stops the
// server at start instead of silently disabling a mapping.
template <class Config>
bool read_settings(const plugin_settings& settings, std::span<const setting_key<Config>> keys,
                   Config& out, std::string& error) {
  using namespace plugin_settings_detail;
  for (const auto& [name, value] : settings.values) {
    const setting_key<Config>* declared = nullptr;
    for (const setting_key<Config>& key : keys) {
      declared = key.name == name ? &key : declared;
    }
    if (declared == nullptr) {
      error = where(settings, name) + ": unknown key";
      return false;
    }
    const bool assigned = std::visit(
        [&](auto member) {
          using wanted = std::remove_reference_t<decltype(out.*member)>;
          if (const auto* typed = std::get_if<wanted>(&value)) {
            out.*member = *typed;
            return true;
          }
          return false;
        },
        declared->member);
    if (!assigned) {
      error = where(settings, name) + ": expects " +
              std::string(std::visit(
                  [](auto member) {
                    using wanted = std::remove_reference_t<decltype(std::declval<Config&>().*member)>;
                    return type_name(setting_value(wanted{}));
                  },
                  declared->member)) +
              ", got " + std::string(type_name(value));
      return false;
    }
  }
  for (const setting_key<Config>& key : keys) {
    if (key.required && !settings.values.contains(std::string(key.name))) {
      error = where(settings, key.name) + ": required";
      return false;
    }
  }
  return true;
}

}  // namespace sentinelle
