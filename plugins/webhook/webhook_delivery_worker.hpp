#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "webhook/webhook_sink_config.hpp"
#include "webhook/webhook_stats.hpp"

namespace spdlog {
class logger;
}  // namespace spdlog

namespace sentinelle {

class outbox_store;

// The JSON body of an alert's deliveries ({"type":"alert.created",…}); nullopt when the alert no
// longer exists (erased customer): the delivery is then dropped. Called on the worker's thread.
using webhook_payload_source =
    std::function<std::optional<std::string>(const std::string& alert_id)>;

struct webhook_worker_options {
  std::string user_agent = "sentinelle";   // the server passes "sentinelle/<version>"
  std::int64_t poll_interval_ms = 1'000;   // the longest sleep between two looks at the outbox
  std::int64_t stop_grace_ms = 1'000;      // how long stop() lets attempts in flight finish
  std::shared_ptr<spdlog::logger> logger;  // JSON lines; default: make_json_logger("webhook")
};

// Drains the persistent outbox (CONTRACT §4 "Outbound"): claims due deliveries, POSTs each to
// its sink signed with Standard Webhooks, then marks it delivered, reschedules it, buries it in
// the dead letters or disables the sink (plugins/webhook/README.md). Runs on its own thread and
// io_context; every I/O is asynchronous under a deadline, so a hung receiver only holds its own
// max_in_flight slots.
class webhook_delivery_worker {
 public:
  // Throws std::invalid_argument naming the key when a sink is not usable (a start-up mistake).
  // `store` must outlive the worker.
  webhook_delivery_worker(outbox_store& store, std::vector<webhook_sink_config> sinks,
                          webhook_payload_source payload_for, webhook_worker_options options = {});
  ~webhook_delivery_worker();  // stop()
  webhook_delivery_worker(const webhook_delivery_worker&) = delete;
  webhook_delivery_worker& operator=(const webhook_delivery_worker&) = delete;

  void start();
  // Stops claiming, puts claimed-but-unsent deliveries back as due, lets attempts in flight
  // finish for stop_grace_ms, then aborts the rest (they stay due: at-least-once). Blocks until
  // the thread has exited. Idempotent; call it before the store closes.
  void stop();
  // New deliveries were committed: look at the outbox now rather than at the next poll. Any
  // thread, cheap.
  void notify();

  webhook_stats stats() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace sentinelle
