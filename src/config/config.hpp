#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alerts/severity.hpp"
#include "plugin/plugin_settings.hpp"

namespace sentinelle {

enum class role : std::uint8_t { ingest, console, admin };

struct auth_token {
  std::string token;
  role granted = role::ingest;
};

// One [[sinks.webhook]]: where alerts are POSTed, signed with Standard Webhooks.
struct webhook_sink_settings {
  std::string name;    // stable id of the sink (outbox rows name it); default derived from url
  std::string url;     // http:// or https://
  std::string secret;  // "whsec_<base64>" or bare base64
  severity min_severity = severity::low;  // applied when alerts are queued, by the storage side
  std::int64_t timeout_ms = 15000;        // one attempt: resolve, connect, TLS, write and read
  // Waits after each failed attempt; when they are used up the delivery is dead-lettered.
  std::vector<std::int64_t> retry_schedule_ms = {5000,     300000,   1800000, 7200000,
                                                 18000000, 36000000, 36000000};
  std::size_t max_in_flight = 8;  // attempts at once to this sink
  bool verify_tls = true;         // false only for a receiver with a self-signed certificate
};

// Live consoles (/v1/events, /v1/stream).
struct console_settings {
  std::uint32_t heartbeat_ms = 15000;
  std::size_t queue_messages = 1024;      // per console; a console further behind is cut
  std::size_t queue_bytes = 4 << 20;
  std::size_t replay_limit = 10000;       // most records replayed on one reconnection
  std::uint32_t scores_interval_ms = 500; // scores messages coalesced to one per interval
};

// Everything `sentinelle serve` reads from TOML (CONTRACT §3); defaults are the contract's.
struct sentinelle_config {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  unsigned threads = 0;  // 0 = one per core
  std::size_t body_limit_bytes = 1048576;
  std::size_t header_limit_bytes = 16384;
  std::uint32_t request_timeout_ms = 10000;
  std::uint32_t idle_timeout_ms = 15000;
  std::size_t max_connections = 10000;
  // [limits]: abuse limits, applied before any handler (src/net/README.md); a rate of 0 is off.
  std::uint32_t requests_per_second_per_ip = 200;
  std::uint32_t burst_per_ip = 1000;
  std::uint32_t requests_per_second_per_token = 1000;
  std::uint32_t burst_per_token = 2000;
  std::size_t max_connections_per_ip = 1000;  // 0: no cap
  bool exempt_loopback = true;                // a reverse proxy, a local benchmark

  std::string storage_url = "sqlite:var/sentinelle.db";
  std::size_t max_pending_events = 100000;  // waiting for a commit; more get 503
  std::string lexicons = "lexicons/fr";
  // [privacy] redact_pii: personal data out of verbatims before they are analysed or stored
  // (redact/README.md). On by default; off only where another system already redacts.
  bool redact_pii = true;
  // [privacy] retention_days: events older than this are deleted (0 keeps them forever);
  // purge_interval_ms: how often the purge runs.
  std::int64_t retention_days = 1095;
  std::int64_t purge_interval_ms = 3'600'000;
  // [log]: the lowest level written ("debug", "info", "warn", "error" or "off"), and whether
  // every HTTP exchange gets its `request` line (access log) at info.
  std::string log_level = "info";
  bool access_log = true;
  std::vector<auth_token> tokens;  // none = open API, allowed on loopback only
  severity_policy severities;      // [alerts.severity]
  std::vector<webhook_sink_settings> webhooks;  // [[sinks.webhook]]
  console_settings consoles;       // [consoles]
  // [plugins.NAME] tables, as given: each source plugin validates its own keys when the server
  // creates it (plugin/source_plugin.hpp), and an unknown NAME stops the server.
  std::vector<plugin_settings> plugins;
};

// "500ms", "5s", "5m", "2h", "1d" → milliseconds; nullopt when malformed.
std::optional<std::int64_t> parse_duration_ms(std::string_view text);

// Command-line values that override the file (`serve --listen … --storage … --lexicons …`).
struct config_overrides {
  std::optional<std::string> listen;
  std::optional<std::string> storage_url;
  std::optional<std::string> lexicons;
};

// Reads `path` (or only the defaults when empty), applies the overrides, validates everything.
// Returns nullopt and sets `error` ("FILE: unknown key 'server.lisen'") on the first mistake.
std::optional<sentinelle_config> load_config(const std::string& path,
                                             const config_overrides& overrides, std::string& error);

// "127.0.0.1:8080", "[::1]:0", "0.0.0.0:80" → host and port; false when malformed.
bool parse_listen_address(const std::string& text, std::string& host, std::uint16_t& port);

bool is_loopback_host(const std::string& host);

}  // namespace sentinelle
