#include "cli/metrics_endpoint.hpp"

#include "alerts/severity.hpp"

namespace sentinelle {
namespace {

constexpr auto relaxed = std::memory_order_relaxed;

}  // namespace

void metrics_endpoint::attach(router& routes) {
  routes.add("GET", "/metrics", [this](const http_request& request, responder reply) {
    if (auto denied = access_.check(request, {role::console, role::admin})) {
      reply.send(std::move(*denied));
      return;
    }
    http_response page;
    page.content_type = "text/plain; version=0.0.4; charset=utf-8";
    page.body = render();
    reply.send(std::move(page));
  });
  routes_ = std::make_unique<route_metrics>(routes.route_names());
  routes.observe(routes_.get());
}

std::string metrics_endpoint::render() const {
  prometheus_text out;
  routes_->write(out);
  write_http(out);
  write_storage(out);
  write_sources(out);
  write_webhooks(out);
  return out.text();
}

void metrics_endpoint::write_http(prometheus_text& out) const {
  const http_server* server = server_.load();
  if (server == nullptr) {
    return;
  }
  const http_server_stats stats = server->stats();
  out.family("sentinelle_connections_active", "gauge", "HTTP connections open now.");
  out.sample("sentinelle_connections_active", {}, stats.connections_active);
  out.family("sentinelle_connections_rejected_total", "counter",
             "Connections refused over the connection cap (503).");
  out.sample("sentinelle_connections_rejected_total", {}, stats.connections_rejected);
  out.family("sentinelle_connections_rejected_per_ip_total", "counter",
             "Connections refused over limits.max_connections_per_ip (429).");
  out.sample("sentinelle_connections_rejected_per_ip_total", {}, stats.connections_rejected_per_ip);
  out.family("sentinelle_rate_limited_total", "counter",
             "Requests answered 429 by the rate limits, by the bucket found empty: ip or token.");
  out.sample("sentinelle_rate_limited_total", {{"kind", "ip"}}, stats.rate_limited_ip);
  out.sample("sentinelle_rate_limited_total", {{"kind", "token"}}, stats.rate_limited_token);
  out.family("sentinelle_request_timeouts_total", "counter",
             "Connections cut because a request did not arrive within request_timeout_ms.");
  out.sample("sentinelle_request_timeouts_total", {}, stats.request_timeouts);
  out.family("sentinelle_console_clients", "gauge", "Live consoles (SSE and WebSocket) now.");
  out.sample("sentinelle_console_clients", {}, stats.streams_active);
  out.family("sentinelle_console_messages_total", "counter", "Messages pushed to consoles.");
  out.sample("sentinelle_console_messages_total", {}, stats.stream_messages_sent);
  out.family("sentinelle_console_drops_total", "counter",
             "Consoles disconnected because they fell too far behind (they replay on reconnect).");
  out.sample("sentinelle_console_drops_total", {}, stats.stream_overflows);
}

void metrics_endpoint::write_storage(prometheus_text& out) const {
  const store_metrics& metrics = store_.metrics();
  out.family("sentinelle_events_total", "counter",
             "Events by what the store did with them: stored, duplicate, revised, erased.");
  const std::pair<const char*, const std::atomic<std::uint64_t>*> outcomes[] = {
      {"stored", &metrics.events_stored},
      {"duplicate", &metrics.duplicates},
      {"revised", &metrics.revised},
      {"erased", &metrics.erased}};
  for (const auto& [outcome, counter] : outcomes) {
    out.sample("sentinelle_events_total", {{"outcome", outcome}}, counter->load(relaxed));
  }
  out.family("sentinelle_store_failed_batches_total", "counter",
             "Batches the storage could not commit (answered 503).");
  out.sample("sentinelle_store_failed_batches_total", {}, metrics.failed_batches.load(relaxed));
  out.family("sentinelle_alerts_total", "counter", "Alerts raised, by severity.");
  for (std::size_t level = 0; level < metrics.alerts_raised.size(); ++level) {
    out.sample("sentinelle_alerts_total",
               {{"severity", severity_name(static_cast<severity>(level))}},
               metrics.alerts_raised[level].load(relaxed));
  }
  out.family("sentinelle_commit_duration_seconds", "histogram",
             "Time of one group commit, BEGIN to COMMIT (fsync included).");
  out.histogram_samples("sentinelle_commit_duration_seconds", {}, metrics.commit_seconds.read());
  out.family("sentinelle_commit_events", "histogram", "Events written by one group commit.");
  out.histogram_samples("sentinelle_commit_events", {}, metrics.events_per_commit.read());
  out.family("sentinelle_outbox_pending", "gauge",
             "Outbound webhook deliveries waiting in the outbox (-1: storage unreadable).");
  out.sample("sentinelle_outbox_pending", {}, static_cast<double>(store_.pending_deliveries()));
}

void metrics_endpoint::write_sources(prometheus_text& out) const {
  out.family("sentinelle_source_deliveries_total", "counter",
             "Deliveries a source plugin handed to the pipeline.");
  for (const auto& [name, stats] : sources_.stats()) {
    out.sample("sentinelle_source_deliveries_total", {{"source", name}},
               stats.deliveries.load(relaxed));
  }
  out.family("sentinelle_source_skipped_total", "counter",
             "Items of platform deliveries left out on purpose (echoes, reactions, unknown types).");
  for (const auto& [name, stats] : sources_.stats()) {
    out.sample("sentinelle_source_skipped_total", {{"source", name}}, stats.skipped.load(relaxed));
  }
  out.family("sentinelle_signature_failures_total", "counter",
             "Requests refused with 401: missing, wrong or stale signature or token.");
  for (const auto& [name, stats] : sources_.stats()) {
    out.sample("sentinelle_signature_failures_total", {{"source", name}},
               stats.unauthorized.load(relaxed));
  }
  out.family("sentinelle_source_invalid_total", "counter",
             "Deliveries refused as not the platform's format (400, 415, 422).");
  for (const auto& [name, stats] : sources_.stats()) {
    out.sample("sentinelle_source_invalid_total", {{"source", name}}, stats.invalid.load(relaxed));
  }
}

void metrics_endpoint::write_webhooks(prometheus_text& out) const {
  if (webhooks_ == nullptr) {
    return;
  }
  const webhook_stats stats = webhooks_->stats();
  out.family("sentinelle_webhook_deliveries_total", "counter",
             "Outbound webhook attempts by result: delivered (2xx), failed, dead (dead-lettered).");
  out.sample("sentinelle_webhook_deliveries_total", {{"result", "delivered"}}, stats.delivered);
  out.sample("sentinelle_webhook_deliveries_total", {{"result", "failed"}}, stats.failed_attempts);
  out.sample("sentinelle_webhook_deliveries_total", {{"result", "dead"}}, stats.dead_lettered);
  out.family("sentinelle_webhook_in_flight", "gauge", "Outbound webhook attempts under way.");
  out.sample("sentinelle_webhook_in_flight", {}, stats.in_flight);
}

}  // namespace sentinelle
