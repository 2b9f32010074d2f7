#include "config/config_sections.hpp"

#include <algorithm>
#include <set>

namespace sentinelle {
namespace {

bool valid_sink_name(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    return false;
  }
  // Part of every webhook-id, which must not contain '.' (Standard Webhooks).
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
  });
}

// A name that stays the same across restarts and reorderings as long as the URL does: the
// outbox rows of pending deliveries refer to it.
std::string default_sink_name(const std::string& url) {
  std::uint32_t hash = 2166136261U;  // FNV-1a
  for (const unsigned char c : url) {
    hash = (hash ^ c) * 16777619U;
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string name = "webhook-";
  for (int shift = 28; shift >= 0; shift -= 4) {
    name += hex[(hash >> shift) & 0xF];
  }
  return name;
}

bool read_schedule(const toml::node& node, webhook_sink_settings& sink, std::string& error) {
  const toml::array* steps = node.as_array();
  if (steps == nullptr || steps->empty() || steps->size() > 50) {
    error = "expects an array of 1 to 50 durations such as \"5s\", \"5m\", \"2h\"";
    return false;
  }
  sink.retry_schedule_ms.clear();
  for (const toml::node& step : *steps) {
    const auto text = step.value<std::string>();
    const auto ms = text ? parse_duration_ms(*text) : std::nullopt;
    if (!ms || *ms <= 0) {
      error = "expects durations such as \"500ms\", \"5s\", \"5m\", \"2h\", \"1d\"";
      return false;
    }
    sink.retry_schedule_ms.push_back(*ms);
  }
  return true;
}

bool read_sink_key(const std::string& key, const toml::node& value, webhook_sink_settings& sink,
                   std::string& error) {
  if (key == "retry_schedule") {
    return read_schedule(value, sink, error);
  }
  if (key == "timeout_ms" || key == "max_in_flight") {
    const auto number = value.value<std::int64_t>();
    const std::int64_t most = key == "timeout_ms" ? 600000 : 1024;
    if (!number || *number < 1 || *number > most) {
      error = "expects an integer from 1 to " + std::to_string(most);
      return false;
    }
    if (key == "timeout_ms") {
      sink.timeout_ms = *number;
    } else {
      sink.max_in_flight = static_cast<std::size_t>(*number);
    }
    return true;
  }
  if (key == "verify_tls") {
    const auto flag = value.value<bool>();
    if (!flag) {
      error = "expects true or false";
      return false;
    }
    sink.verify_tls = *flag;
    return true;
  }
  const auto text = value.value<std::string>();
  if (!text) {
    error = "expects a string";
    return false;
  }
  if (key == "min_severity") {
    const auto level = parse_severity(*text);
    if (!level) {
      error = "expects \"low\", \"medium\", \"high\" or \"critical\"";
      return false;
    }
    sink.min_severity = *level;
    return true;
  }
  std::string* field = key == "name" ? &sink.name : key == "url" ? &sink.url : &sink.secret;
  *field = *text;
  return true;
}

// The URL and the secret are checked by the webhook plugin when the server starts
// (find_sink_config_problem), which knows how it will parse them.
bool name_sink(webhook_sink_settings& sink, std::string& error) {
  if (sink.name.empty()) {
    sink.name = default_sink_name(sink.url);
  } else if (!valid_sink_name(sink.name)) {
    error = "name: expects 1 to 64 letters, digits, '_' or '-'";
    return false;
  }
  return true;
}

}  // namespace

namespace config_sections {

bool read_severities(const toml::node& node, sentinelle_config& config, std::string& error) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    error = "alerts.severity: expects a table of reason = \"severity\"";
    return false;
  }
  for (const auto& [reason, value] : *table) {
    const std::string where = "alerts.severity." + std::string(reason.str());
    const auto text = value.value<std::string>();
    const auto level = text ? parse_severity(*text) : std::nullopt;
    if (!level) {
      error = where + ": expects \"low\", \"medium\", \"high\" or \"critical\"";
      return false;
    }
    if (!config.severities.set(reason.str(), *level, error)) {
      error = where + ": " + error;
      return false;
    }
  }
  return true;
}

bool read_webhooks(const toml::node& node, sentinelle_config& config, std::string& error) {
  const toml::array* sinks = node.as_array();
  if (sinks == nullptr || !sinks->is_array_of_tables()) {
    error = "sinks.webhook: expects [[sinks.webhook]] tables";
    return false;
  }
  static const std::set<std::string> keys{"name",       "url",            "secret",
                                          "min_severity", "timeout_ms", "retry_schedule",
                                          "max_in_flight", "verify_tls"};
  std::set<std::string> names;
  for (std::size_t i = 0; i < sinks->size(); ++i) {
    const std::string where = "sinks.webhook[" + std::to_string(i) + "]";
    webhook_sink_settings sink;
    const toml::table* entry = sinks->get(i) == nullptr ? nullptr : sinks->get(i)->as_table();
    if (entry == nullptr) {
      error = where + ": expects a table";
      return false;
    }
    for (const auto& [key, value] : *entry) {
      const std::string name(key.str());
      if (!keys.contains(name)) {
        error = "unknown key '" + where + "." + name + "'";
        return false;
      }
      if (!read_sink_key(name, value, sink, error)) {
        error = where + "." + name + ": " + error;
        return false;
      }
    }
    if (!name_sink(sink, error)) {
      error = where + "." + error;
      return false;
    }
    if (!names.insert(sink.name).second) {
      error = where + ".name: '" + sink.name + "' is used by another sink";
      return false;
    }
    config.webhooks.push_back(std::move(sink));
  }
  return true;
}

namespace {

// Copies `table` into `values`, nested tables as "outer.inner" keys.
bool flatten_plugin_table(const toml::table& table, const std::string& prefix,
                          const std::string& where, plugin_settings& settings,
                          std::string& error) {
  for (const auto& [key, node] : table) {
    const std::string name = prefix + std::string(key.str());
    if (const toml::table* nested = node.as_table()) {
      if (!flatten_plugin_table(*nested, name + ".", where, settings, error)) {
        return false;
      }
    } else if (const auto text = node.value_exact<std::string>()) {
      settings.values.emplace(name, *text);
    } else if (const auto number = node.value_exact<std::int64_t>()) {
      settings.values.emplace(name, *number);
    } else if (const auto flag = node.value_exact<bool>()) {
      settings.values.emplace(name, *flag);
    } else {
      error = where + "." + name + ": expects a string, an integer, true/false or a table";
      return false;
    }
  }
  return true;
}

}  // namespace

bool read_plugins(const toml::node& node, sentinelle_config& config, std::string& error) {
  const toml::table* plugins = node.as_table();
  if (plugins == nullptr) {
    error = "plugins: expects [plugins.NAME] tables";
    return false;
  }
  for (const auto& [key, value] : *plugins) {
    const std::string where = "plugins." + std::string(key.str());
    const toml::table* table = value.as_table();
    if (table == nullptr) {
      error = where + ": expects a table [" + where + "]";
      return false;
    }
    plugin_settings settings;
    settings.plugin = std::string(key.str());
    if (!flatten_plugin_table(*table, "", where, settings, error)) {
      return false;
    }
    config.plugins.push_back(std::move(settings));
  }
  return true;
}

}  // namespace config_sections
}  // namespace sentinelle
