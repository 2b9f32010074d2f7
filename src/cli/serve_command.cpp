#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "api/api_service.hpp"
#include "api/event_pipeline.hpp"
#include "cli/metrics_endpoint.hpp"
#include "cli/source_plugins.hpp"
#include "cli/commands.hpp"
#include "config/config.hpp"
#include "console/console_routes.hpp"
#include "net/http_server.hpp"
#include "net/json_log.hpp"
#include "alerts/alert_json.hpp"
#include "sinks/console_hub.hpp"
#include "sinks/scores_feed.hpp"
#include "storage/postgres/postgres_event_store.hpp"
#include "storage/retention_purger.hpp"
#include "storage/sqlite_event_store.hpp"
#include "util/time.hpp"
#include "version.hpp"
#include "webhook/webhook_delivery_worker.hpp"

namespace sentinelle {
namespace {

struct serve_options {
  std::string config_path;
  config_overrides overrides;
};

constexpr std::string_view serve_usage =
    "usage: sentinelle serve [--config FILE] [--listen HOST:PORT] [--storage URL] "
    "[--lexicons DIR]\n";

std::optional<serve_options> parse_serve_options(std::span<const std::string_view> args) {
  serve_options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "--config" && has_value) {
      options.config_path = std::string(args[++i]);
    } else if (arg == "--listen" && has_value) {
      options.overrides.listen = std::string(args[++i]);
    } else if (arg == "--storage" && has_value) {
      options.overrides.storage_url = std::string(args[++i]);
    } else if (arg == "--lexicons" && has_value) {
      options.overrides.lexicons = std::string(args[++i]);
    } else {
      std::cerr << "sentinelle serve: unknown or incomplete option '" << arg << "'\n"
                << serve_usage;
      return std::nullopt;
    }
  }
  return options;
}

// Each webhook sink receives the alerts of its minimum severity and above.
store_options storage_options(const sentinelle_config& config) {
  store_options options;
  for (const webhook_sink_settings& sink : config.webhooks) {
    options.outbound.push_back({sink.name, sink.min_severity});
  }
  return options;
}

// "sqlite:var/sentinelle.db" → the SQLite store; "postgresql://…" (or "postgres://…") → the
// PostgreSQL store, which several instances may share (storage/postgres/README.md).
std::unique_ptr<durable_store> open_store(const sentinelle_config& config, std::string& error) {
  const std::string& url = config.storage_url;
  constexpr std::string_view sqlite_scheme = "sqlite:";
  if (url.starts_with(sqlite_scheme) && url.size() > sqlite_scheme.size()) {
    return sqlite_event_store::open(url.substr(sqlite_scheme.size()), error,
                                    storage_options(config));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return postgres_event_store::open(url, error, storage_options(config));
  }
  error = "storage.url must look like sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB";
  return nullptr;
}

// The body of an alert's webhook deliveries, read when it is sent: the alert as it is then.
webhook_payload_source alert_payloads(event_store& store) {
  return [&store](const std::string& alert_id) -> std::optional<std::string> {
    const auto seq = alert_seq_from_id(alert_id);
    const auto found = seq ? store.find_alert(*seq) : std::nullopt;
    if (!found) {
      return std::nullopt;
    }
    return webhook_payload_json(*found, now_unix_ms());
  };
}

http_server_options server_options(const sentinelle_config& config) {
  http_server_options options;
  options.host = config.listen_host;
  options.port = config.listen_port;
  options.threads = config.threads;
  options.body_limit_bytes = config.body_limit_bytes;
  options.header_limit_bytes = config.header_limit_bytes;
  options.request_timeout_ms = config.request_timeout_ms;
  options.idle_timeout_ms = config.idle_timeout_ms;
  options.max_connections = config.max_connections;
  options.requests_per_second_per_ip = config.requests_per_second_per_ip;
  options.burst_per_ip = config.burst_per_ip;
  options.requests_per_second_per_token = config.requests_per_second_per_token;
  options.burst_per_token = config.burst_per_token;
  options.max_connections_per_ip = config.max_connections_per_ip;
  options.exempt_loopback = config.exempt_loopback;
  options.stream_queue_messages = config.consoles.queue_messages;
  options.stream_queue_bytes = config.consoles.queue_bytes;
  options.stream_heartbeat_ms = config.consoles.heartbeat_ms;
  options.access_log = config.access_log;
  return options;
}

int refuse(std::string_view why) {
  std::cerr << "sentinelle serve: " << why << "\n";
  return 2;
}

}  // namespace

int run_serve_command(std::span<const std::string_view> args) {
  const auto options = parse_serve_options(args);
  if (!options) {
    return 2;
  }
  std::string error;
  const auto config = load_config(options->config_path, options->overrides, error);
  if (!config) {
    return refuse(error);
  }
  // Before any logger is made. The config has checked the name; spdlog reads "warn" and "error"
  // as its warning and error levels.
  spdlog::set_level(spdlog::level::from_str(config->log_level));
  const auto engine = load_analyzer(resolve_lexicon_directory(config->lexicons));
  if (!engine) {
    return 2;
  }
  const auto store = open_store(*config, error);
  if (!store) {
    return refuse("cannot open the storage " + config->storage_url + ": " + error);
  }
  // The sinks stage: commits reach the live consoles (alerts in seq order, coalesced scores)
  // and wake the outbound webhook worker.
  std::unique_ptr<webhook_delivery_worker> webhooks;
  if (!config->webhooks.empty()) {
    try {
      webhook_worker_options worker_options;
      worker_options.user_agent = std::string("sentinelle/") + version;
      webhooks = std::make_unique<webhook_delivery_worker>(
          *store, config->webhooks, alert_payloads(*store), worker_options);
    } catch (const std::invalid_argument& problem) {
      return refuse(problem.what());
    }
  }
  console_hub consoles(*store, config->consoles.replay_limit);
  scores_feed scores(*store, consoles, config->consoles.scores_interval_ms);
  store->on_commit([&](const commit_notice& notice) {
    consoles.publish(notice.records);
    scores.changed(notice.score_groups);
    if (webhooks && !notice.records.empty()) {
      webhooks->notify();
    }
  });
  router routes;
  api_service api(*engine, *store, *config, store.get());
  api.use_consoles(&consoles);
  if (webhooks) {
    api.on_replay([&webhooks] { webhooks->notify(); });
  }
  api.add_routes(routes);
  add_console_routes(routes);
  // The sources: /v1/surveys, /v1/messages (plugins/standard) and each platform's /hooks/….
  std::unique_ptr<pii_redactor> redactor;
  if (config->redact_pii && !(redactor = pii_redactor::create(error))) {
    return refuse("the PII redactor cannot start: " + error);
  }
  event_pipeline pipeline(*engine, redactor.get(), *store, config->severities,
                          config->max_pending_events);
  source_plugin_set sources;
  if (!sources.start(*config, pipeline, api.access(), routes, error)) {
    return refuse(error);
  }
  api.use_sources(sources.names());
  metrics_endpoint metrics(api.access(), *store, sources, webhooks.get());
  metrics.attach(routes);  // last: it observes every route added before
  auto logger = make_json_logger("sentinelle");
  // Deletions leave their trail whatever [log] level says: an operator quieting the logs must
  // not lose the record of an erasure or a purge.
  auto audit = make_json_logger("audit");
  audit->set_level(spdlog::level::info);
  api.use_audit_log([audit](const std::string& line) { audit->info(line); });
  std::unique_ptr<retention_purger> retention;
  if (config->retention_days > 0) {
    retention = std::make_unique<retention_purger>(
        *store,
        retention_purger::options{config->retention_days * 86'400'000, config->purge_interval_ms,
                                  5000},
        now_unix_ms, [audit](std::int64_t events, std::int64_t alerts) {
          audit->info(log_fields("retention_purged")
                           .add("events", static_cast<std::uint64_t>(events))
                           .add("alerts", static_cast<std::uint64_t>(alerts))
                           .text());
        });
  }
  http_server server(server_options(*config), std::move(routes), logger);
  metrics.report_server(&server);
  // The writer hands each group's answers to the server's threads (event_store::answer_on).
  store->answer_on([&server](std::function<void()> answers) { server.post(std::move(answers)); });
  if (const auto failed = server.listen()) {
    return refuse("cannot listen on " + config->listen_host + ":" +
                  std::to_string(config->listen_port) + ": " + failed.message());
  }
  // Before the listening line: whoever reads it may send SIGTERM at once, and must get a drain
  // and exit 0, not the signal's default death (an integration test caught it, 1 run in 6).
  server.handle_signals([&](int signal) {
    logger->info(log_fields("stopping").add("signal", static_cast<std::uint64_t>(signal)).text());
  });
  const bool ipv6 = config->listen_host.find(':') != std::string::npos;
  std::cout << "listening on http://" << (ipv6 ? "[" : "") << config->listen_host
            << (ipv6 ? "]" : "") << ":" << server.bound_port() << std::endl;
  if (webhooks) {
    webhooks->start();
  }
  server.run();
  // Its threads have stopped: answers of groups still being written run on the writer again.
  store->answer_on(nullptr);
  if (webhooks) {
    webhooks->stop();  // before the store closes; what it had not sent stays in the outbox
  }
  retention.reset();  // stops between two slices
  store->flush();     // every acknowledged event is already committed; this drains the rest
  store->on_commit(nullptr);  // the consoles go away with this scope
  logger->info(log_fields("storage_flushed").text());
  return 0;
}

}  // namespace sentinelle
