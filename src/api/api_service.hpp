#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include "analyze/analyzer.hpp"
#include "api/access_policy.hpp"
#include "config/config.hpp"
#include "net/router.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox_store.hpp"

namespace sentinelle {

class console_hub;

// The HTTP API of CONTRACT §4 that issue #3 delivers: canonical ingestion, analysis, stored
// events, scores and health. It runs the pipeline for each event — analyze, classify — and
// answers only once the store has committed.
class api_service {
 public:
  // `outbox` (may be null: no outbound sinks) serves the dead-letter admin endpoints.
  api_service(const analyzer& engine, event_store& store, const sentinelle_config& config,
              outbox_store* outbox = nullptr);

  void add_routes(router& routes);

  // Serves the live consoles (GET /v1/events, /v1/stream) from `hub`; without it they answer 503.
  void use_consoles(console_hub* hub) { consoles_ = hub; }

  // Called after a dead letter is queued again, to wake the delivery worker.
  void on_replay(std::function<void()> replayed) { replayed_ = std::move(replayed); }

 private:
  void ingest(const http_request& request, responder reply, event_kind kind) const;
  void analyze_texts(const http_request& request, responder reply) const;
  void get_event(const http_request& request, responder reply, event_kind kind) const;
  void get_scores(const http_request& request, responder reply) const;
  void readiness(const http_request& request, responder reply) const;
  void list_alerts(const http_request& request, responder reply) const;
  void get_alert(const http_request& request, responder reply) const;
  void change_alert(const http_request& request, responder reply, alert_action action) const;
  void open_console(const http_request& request, responder reply, bool websocket) const;
  void list_dead_letters(const http_request& request, responder reply) const;
  void replay_dead_letter(const http_request& request, responder reply) const;

  // analyze → classify: fills the event's analysis and verdict.
  void conclude(event& e) const;

  // The analyzer's scratch space, one per server thread, shared by every handler that analyses.
  struct analysis_scratch {
    analyzer_workspace workspace;
    analysis result;
  };
  static analysis_scratch& scratch();

  const analyzer& analyzer_;
  event_store& store_;
  outbox_store* outbox_;
  access_policy access_;
  severity_policy severities_;
  std::function<void()> replayed_;
  console_hub* consoles_ = nullptr;
  // Events handed to the store and not yet committed: bounded, so a storage slower than the
  // clients answers 503 instead of growing memory without limit.
  std::size_t max_pending_events_;
  std::shared_ptr<std::atomic<std::size_t>> pending_events_;
};

// "application/json; charset=utf-8" → "application/json" (lowercase, parameters dropped).
std::string media_type(std::string_view content_type);

}  // namespace sentinelle
