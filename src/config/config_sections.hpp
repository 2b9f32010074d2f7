#pragma once

#include <toml++/toml.h>

#include <string>

#include "config/config.hpp"


namespace sentinelle::config_sections {

// [alerts.severity]: reason = "low" | "medium" | "high" | "critical".
bool read_severities(const toml::node& node, sentinelle_config& config, std::string& error);

// [[sinks.webhook]] tables (keys in config/sentinelle.toml).
bool read_webhooks(const toml::node& node, sentinelle_config& config, std::string& error);

// [plugins.NAME] tables, flattened into plugin_settings (nested tables as dotted keys).
bool read_plugins(const toml::node& node, sentinelle_config& config, std::string& error);

}  // namespace sentinelle::config_sections
