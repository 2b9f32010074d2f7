#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "api/access_policy.hpp"
#include "cli/source_plugins.hpp"
#include "metrics/route_metrics.hpp"
#include "net/http_server.hpp"
#include "net/router.hpp"
#include "storage/durable_store.hpp"
#include "webhook/webhook_delivery_worker.hpp"

namespace sentinelle {

// GET /metrics (CONTRACT §4 Operations): what the server counts, in the Prometheus text format
// (docs/metrics.md lists every series). Readable by the `console` and `admin` roles: it holds no
// personal data, but an open port should not tell the world its traffic.
class metrics_endpoint {
 public:
  metrics_endpoint(const access_policy& access, durable_store& store,
                   const source_plugin_set& sources, const webhook_delivery_worker* webhooks)
      : access_(access), store_(store), sources_(sources), webhooks_(webhooks) {}

  // Adds GET /metrics, then observes every route of `routes` (call it after all are added).
  void attach(router& routes);
  // The server whose connections and streams are reported; set once it exists.
  void report_server(const http_server* server) { server_.store(server); }

  std::string render() const;

 private:
  void write_http(prometheus_text& out) const;
  void write_storage(prometheus_text& out) const;
  void write_sources(prometheus_text& out) const;
  void write_webhooks(prometheus_text& out) const;

  const access_policy& access_;
  durable_store& store_;
  const source_plugin_set& sources_;
  const webhook_delivery_worker* webhooks_;
  std::unique_ptr<route_metrics> routes_;
  std::atomic<const http_server*> server_{nullptr};
};

}  // namespace sentinelle
