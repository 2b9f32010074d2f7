#include "api/api_service.hpp"

#include <algorithm>

#include "classify/classifier.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  type.erase(std::remove_if(type.begin(), type.end(), [](char c) { return c == ' ' || c == '\t'; }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

api_service::api_service(const analyzer& engine, event_store& store,
                         const sentinelle_config& config, outbox_store* outbox)
    : analyzer_(engine),
      store_(store),
      outbox_(outbox),
      access_(config.tokens),
      severities_(config.severities),
      max_pending_events_(config.max_pending_events),
      pending_events_(std::make_shared<std::atomic<std::size_t>>(0)) {}

void api_service::add_routes(router& routes) {
  routes.add("POST", "/v1/surveys", [this](const http_request& request, responder reply) {
    ingest(request, std::move(reply), event_kind::survey);
  });
  routes.add("POST", "/v1/messages", [this](const http_request& request, responder reply) {
    ingest(request, std::move(reply), event_kind::message);
  });
  routes.add("POST", "/v1/analyze", [this](const http_request& request, responder reply) {
    analyze_texts(request, std::move(reply));
  });
  routes.add("GET", "/v1/surveys/{id}", [this](const http_request& request, responder reply) {
    get_event(request, std::move(reply), event_kind::survey);
  });
  routes.add("GET", "/v1/messages/{id}", [this](const http_request& request, responder reply) {
    get_event(request, std::move(reply), event_kind::message);
  });
  routes.add("GET", "/v1/scores", [this](const http_request& request, responder reply) {
    get_scores(request, std::move(reply));
  });
  routes.add("GET", "/v1/alerts", [this](const http_request& request, responder reply) {
    list_alerts(request, std::move(reply));
  });
  routes.add("GET", "/v1/alerts/{id}", [this](const http_request& request, responder reply) {
    get_alert(request, std::move(reply));
  });
  routes.add("POST", "/v1/alerts/{id}/acknowledge",
             [this](const http_request& request, responder reply) {
               change_alert(request, std::move(reply), alert_action::acknowledge);
             });
  routes.add("POST", "/v1/alerts/{id}/resolve",
             [this](const http_request& request, responder reply) {
               change_alert(request, std::move(reply), alert_action::resolve);
             });
  routes.add("GET", "/v1/events", [this](const http_request& request, responder reply) {
    open_console(request, std::move(reply), false);
  });
  routes.add("GET", "/v1/stream", [this](const http_request& request, responder reply) {
    open_console(request, std::move(reply), true);
  });
  routes.add("GET", "/v1/admin/dead-letters", [this](const http_request& request, responder reply) {
    list_dead_letters(request, std::move(reply));
  });
  routes.add("POST", "/v1/admin/dead-letters/{id}/replay",
             [this](const http_request& request, responder reply) {
               replay_dead_letter(request, std::move(reply));
             });
  routes.add("GET", "/healthz", [](const http_request&, responder reply) {
    reply.send(json_response(200, R"({"status":"ok"})"));
  });
  routes.add("GET", "/readyz", [this](const http_request& request, responder reply) {
    readiness(request, std::move(reply));
  });
}

api_service::analysis_scratch& api_service::scratch() {
  thread_local analysis_scratch per_thread;
  return per_thread;
}

void api_service::conclude(event& e) const {
  auto& [workspace, result] = scratch();
  const bool has_verbatim = !e.verbatim.empty();
  if (has_verbatim) {
    analyzer_.analyze(e.verbatim, workspace, result);
    e.analysis_json.clear();
    // Stored and answered with the matches consoles highlight, not the full explanation: the
    // sources and rules made each stored event four times larger and ingestion 20-40 % slower.
    append_analysis_json(result, analyzer_.lexicon_in_use(), analysis_detail::matches,
                         e.analysis_json);
    e.sentiment_score = result.score;
  }
  const classification verdict = classify(e, has_verbatim ? &result : nullptr);
  e.detractor = verdict.detractor;
  e.negative_verbatim = verdict.negative_verbatim;
  e.reasons = verdict.reasons;
  // Every detractor raises an alert; its severity is the policy's (docs/classification.md).
  e.alert_severity = verdict.detractor ? severities_.assess(e.reasons) : std::nullopt;
}

void api_service::readiness(const http_request&, responder reply) const {
  if (store_.ready()) {
    reply.send(json_response(200, R"({"status":"ready"})"));
  } else {
    reply.send(json_error(503, "unavailable", "the storage cannot be reached"));
  }
}

}  // namespace sentinelle
