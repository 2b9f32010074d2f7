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

// The HTTP API of CONTRACT §4 around the pipeline: analysis, stored events, scores, alerts,
// consoles, administration and health. Events come in through the source plugins
// (plugin/source_plugin.hpp; the canonical /v1/surveys and /v1/messages are plugins/standard).
class api_service {
 public:
  // `outbox` (may be null: no outbound sinks) serves the dead-letter admin endpoints.
  api_service(const analyzer& engine, event_store& store, const sentinelle_config& config,
              outbox_store* outbox = nullptr);

  void add_routes(router& routes);

  // The bearer tokens and roles, which source plugins that accept tokens check too.
  const access_policy& access() const { return access_; }

  // Serves the live consoles (GET /v1/events, /v1/stream) from `hub`; without it they answer 503.
  void use_consoles(console_hub* hub) { consoles_ = hub; }

  // Where erasures are recorded (one JSON line each, without personal data).
  void use_audit_log(std::function<void(const std::string&)> audit) { audit_ = std::move(audit); }

  // The sources events are stored under besides "api" (the plugins'), for GET /v1/…/{id}.
  void use_sources(std::vector<std::string> names) { sources_ = std::move(names); }

  // Called after a dead letter is queued again, to wake the delivery worker.
  void on_replay(std::function<void()> replayed) { replayed_ = std::move(replayed); }

 private:
  void analyze_texts(const http_request& request, responder reply) const;
  void get_event(const http_request& request, responder reply, event_kind kind) const;
  std::optional<event> find_event(event_kind kind, const std::string& id,
                                  std::optional<std::string_view> source) const;
  void get_scores(const http_request& request, responder reply) const;
  void readiness(const http_request& request, responder reply) const;
  void list_alerts(const http_request& request, responder reply) const;
  void get_alert(const http_request& request, responder reply) const;
  void change_alert(const http_request& request, responder reply, alert_action action) const;
  void open_console(const http_request& request, responder reply, bool websocket) const;
  void list_dead_letters(const http_request& request, responder reply) const;
  void replay_dead_letter(const http_request& request, responder reply) const;
  void erase_person(const http_request& request, responder reply,
                    erasure_request::match by) const;

  const analyzer& analyzer_;
  event_store& store_;
  outbox_store* outbox_;
  access_policy access_;
  std::function<void()> replayed_;
  console_hub* consoles_ = nullptr;
  std::vector<std::string> sources_;
  std::function<void(const std::string&)> audit_;
};


}  // namespace sentinelle
