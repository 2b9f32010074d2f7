#include "config/config.hpp"

#include "config/config_sections.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <functional>
#include <map>
#include <set>

namespace sentinelle {
namespace {

// One declared key: how to read it into the config. Every key is declared once, here, and
// documented in config/sentinelle.toml; anything else in the file is an error.
using key_reader = std::function<bool(const toml::node&, sentinelle_config&, std::string& error)>;

bool read_integer(const toml::node& node, std::int64_t minimum, std::int64_t maximum,
                  std::int64_t& out, std::string& error) {
  const auto value = node.value<std::int64_t>();
  if (!value || *value < minimum || *value > maximum) {
    error = "expects an integer from " + std::to_string(minimum) + " to " + std::to_string(maximum);
    return false;
  }
  out = *value;
  return true;
}

template <typename Number>
key_reader number_key(Number sentinelle_config::*field, std::int64_t minimum,
                      std::int64_t maximum) {
  return [=](const toml::node& node, sentinelle_config& config, std::string& error) {
    std::int64_t value = 0;
    if (!read_integer(node, minimum, maximum, value, error)) {
      return false;
    }
    config.*field = static_cast<Number>(value);
    return true;
  };
}

template <typename Number>
key_reader console_key(Number console_settings::*field, std::int64_t minimum,
                       std::int64_t maximum) {
  return [=](const toml::node& node, sentinelle_config& config, std::string& error) {
    std::int64_t value = 0;
    if (!read_integer(node, minimum, maximum, value, error)) {
      return false;
    }
    config.consoles.*field = static_cast<Number>(value);
    return true;
  };
}

key_reader string_key(std::string sentinelle_config::*field) {
  return [=](const toml::node& node, sentinelle_config& config, std::string& error) {
    const auto value = node.value<std::string>();
    if (!value || value->empty()) {
      error = "expects a non-empty string";
      return false;
    }
    config.*field = *value;
    return true;
  };
}

key_reader bool_key(bool sentinelle_config::*field) {
  return [=](const toml::node& node, sentinelle_config& config, std::string& error) {
    const auto value = node.value_exact<bool>();
    if (!value) {
      error = "expects true or false";
      return false;
    }
    config.*field = *value;
    return true;
  };
}

bool read_listen(const toml::node& node, sentinelle_config& config, std::string& error) {
  const auto value = node.value<std::string>();
  if (!value || !parse_listen_address(*value, config.listen_host, config.listen_port)) {
    error = "expects \"HOST:PORT\"";
    return false;
  }
  return true;
}

bool read_log_level(const toml::node& node, sentinelle_config& config, std::string& error) {
  static const std::set<std::string> levels{"debug", "info", "warn", "error", "off"};
  const auto value = node.value<std::string>();
  if (!value || !levels.contains(*value)) {
    error = "expects \"debug\", \"info\", \"warn\", \"error\" or \"off\"";
    return false;
  }
  config.log_level = *value;
  return true;
}

const std::map<std::string, key_reader>& scalar_keys() {
  static const std::map<std::string, key_reader> keys{
      {"server.listen", read_listen},
      {"server.threads", number_key(&sentinelle_config::threads, 0, 256)},
      {"server.body_limit_bytes",
       number_key(&sentinelle_config::body_limit_bytes, 1024, 1LL << 30)},
      {"server.header_limit_bytes",
       number_key(&sentinelle_config::header_limit_bytes, 1024, 1LL << 20)},
      {"server.request_timeout_ms",
       number_key(&sentinelle_config::request_timeout_ms, 10, 3600000)},
      {"server.idle_timeout_ms", number_key(&sentinelle_config::idle_timeout_ms, 10, 3600000)},
      {"server.max_connections", number_key(&sentinelle_config::max_connections, 1, 1000000)},
      {"limits.requests_per_second_per_ip",
       number_key(&sentinelle_config::requests_per_second_per_ip, 0, 1000000)},
      {"limits.burst_per_ip", number_key(&sentinelle_config::burst_per_ip, 1, 10000000)},
      {"limits.requests_per_second_per_token",
       number_key(&sentinelle_config::requests_per_second_per_token, 0, 1000000)},
      {"limits.burst_per_token", number_key(&sentinelle_config::burst_per_token, 1, 10000000)},
      {"limits.max_connections_per_ip",
       number_key(&sentinelle_config::max_connections_per_ip, 0, 1000000)},
      {"limits.exempt_loopback", bool_key(&sentinelle_config::exempt_loopback)},
      {"storage.url", string_key(&sentinelle_config::storage_url)},
      {"storage.max_pending_events",
       number_key(&sentinelle_config::max_pending_events, 1, 10000000)},
      {"analysis.lexicons", string_key(&sentinelle_config::lexicons)},
      {"privacy.redact_pii", bool_key(&sentinelle_config::redact_pii)},
      {"privacy.retention_days", number_key(&sentinelle_config::retention_days, 0, 36500)},
      {"privacy.purge_interval_ms",
       number_key(&sentinelle_config::purge_interval_ms, 100, 86'400'000)},
      {"log.level", read_log_level},
      {"log.access", bool_key(&sentinelle_config::access_log)},
      {"alerts.severity", config_sections::read_severities},
      {"sinks.webhook", config_sections::read_webhooks},
      {"consoles.heartbeat_ms", console_key(&console_settings::heartbeat_ms, 10, 3600000)},
      {"consoles.queue_messages", console_key(&console_settings::queue_messages, 1, 1000000)},
      {"consoles.queue_bytes", console_key(&console_settings::queue_bytes, 1024, 1LL << 30)},
      {"consoles.replay_limit", console_key(&console_settings::replay_limit, 1, 1000000)},
      {"consoles.scores_interval_ms",
       console_key(&console_settings::scores_interval_ms, 10, 3600000)},
  };
  return keys;
}

bool read_tokens(const toml::node& node, sentinelle_config& config, std::string& error) {
  const toml::array* tokens = node.as_array();
  if (tokens == nullptr || !tokens->is_array_of_tables()) {
    error = "auth.tokens: expects [[auth.tokens]] tables";
    return false;
  }
  for (std::size_t i = 0; i < tokens->size(); ++i) {
    const toml::table& entry = *tokens->get(i)->as_table();
    const std::string where = "auth.tokens[" + std::to_string(i) + "]";
    for (const auto& [key, value] : entry) {
      if (key != "token" && key != "role") {
        error = "unknown key '" + where + "." + std::string(key.str()) + "'";
        return false;
      }
    }
    const auto token = entry["token"].value<std::string>();
    const auto name = entry["role"].value<std::string>();
    if (!token || token->size() < 16) {
      error = where + ".token: expects a secret of at least 16 characters";
      return false;
    }
    static const std::map<std::string, role> roles{
        {"ingest", role::ingest}, {"console", role::console}, {"admin", role::admin}};
    const auto found = name ? roles.find(*name) : roles.end();
    if (found == roles.end()) {
      error = where + ".role: expects \"ingest\", \"console\" or \"admin\"";
      return false;
    }
    config.tokens.push_back({*token, found->second});
  }
  return true;
}

bool read_table(const toml::table& table, const std::string& prefix, sentinelle_config& config,
                std::string& error) {
  for (const auto& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (name == "auth.tokens") {
      if (!read_tokens(node, config, error)) {
        return false;
      }
      continue;
    }
    if (name == "plugins") {  // each plugin's own keys: checked by the plugin (config.hpp)
      if (!config_sections::read_plugins(node, config, error)) {
        return false;
      }
      continue;
    }
    if (const auto reader = scalar_keys().find(name); reader != scalar_keys().end()) {
      if (!reader->second(node, config, error)) {
        error = name + ": " + error;
        return false;
      }
      continue;
    }
    const bool section =
        node.is_table() && (name == "server" || name == "storage" || name == "analysis" ||
                            name == "auth" || name == "alerts" || name == "sinks" ||
                            name == "consoles" || name == "privacy" || name == "limits" ||
                            name == "log");
    if (!section) {
      error = "unknown key '" + name + "'";
      return false;
    }
    if (!read_table(*node.as_table(), name, config, error)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool parse_listen_address(const std::string& text, std::string& host, std::uint16_t& port) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return false;
  }
  std::string name = text.substr(0, colon);
  if (name.front() == '[' && name.back() == ']') {
    name = name.substr(1, name.size() - 2);  // [::1]:8080
  }
  unsigned value = 0;
  const char* digits = text.data() + colon + 1;
  const auto result = std::from_chars(digits, text.data() + text.size(), value);
  if (result.ec != std::errc{} || result.ptr != text.data() + text.size() || value > 65535 ||
      name.empty()) {
    return false;
  }
  host = name;
  port = static_cast<std::uint16_t>(value);
  return true;
}

std::optional<std::int64_t> parse_duration_ms(std::string_view text) {
  std::int64_t amount = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), amount);
  if (failure != std::errc{} || end == text.data() || amount < 0 || amount > 1000000000) {
    return std::nullopt;
  }
  static const std::map<std::string_view, std::int64_t> units{
      {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {"d", 86400000}};
  const auto unit = units.find(std::string_view(end, text.data() + text.size() - end));
  if (unit == units.end()) {
    return std::nullopt;
  }
  return amount * unit->second;
}

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::optional<sentinelle_config> load_config(const std::string& path,
                                             const config_overrides& overrides,
                                             std::string& error) {
  sentinelle_config config;
  if (!path.empty()) {
    try {
      const toml::table table = toml::parse_file(path);
      if (!read_table(table, "", config, error)) {
        error = path + ": " + error;
        return std::nullopt;
      }
    } catch (const toml::parse_error& failure) {
      const auto& where = failure.source().begin;
      error = path + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " +
              std::string(failure.description());
      return std::nullopt;
    }
  }
  if (overrides.listen &&
      !parse_listen_address(*overrides.listen, config.listen_host, config.listen_port)) {
    error = "--listen expects HOST:PORT, got '" + *overrides.listen + "'";
    return std::nullopt;
  }
  if (overrides.storage_url) {
    config.storage_url = *overrides.storage_url;
  }
  if (overrides.lexicons) {
    config.lexicons = *overrides.lexicons;
  }
  if (config.tokens.empty() && !is_loopback_host(config.listen_host)) {
    error = "listening on " + config.listen_host +
            " (not loopback) needs at least one [[auth.tokens]] entry";
    return std::nullopt;
  }
  return config;
}

}  // namespace sentinelle
