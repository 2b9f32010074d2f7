#include "api/api_service.hpp"

#include <algorithm>

#include "util/json_writer.hpp"

namespace sentinelle {

api_service::api_service(const analyzer& engine, event_store& store,
                         const sentinelle_config& config, outbox_store* outbox)
    : analyzer_(engine),
      store_(store),
      outbox_(outbox),
      access_(config.tokens) {}

void api_service::add_routes(router& routes) {
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
  routes.add("DELETE", "/v1/customers/{id}", [this](const http_request& request, responder reply) {
    erase_person(request, std::move(reply), erasure_request::match::customer_id);
  });
  routes.add("DELETE", "/v1/authors/{id}", [this](const http_request& request, responder reply) {
    erase_person(request, std::move(reply), erasure_request::match::author_id);
  });
  routes.add("GET", "/healthz", [](const http_request&, responder reply) {
    reply.send(json_response(200, R"({"status":"ok"})"));
  });
  routes.add("GET", "/readyz", [this](const http_request& request, responder reply) {
    readiness(request, std::move(reply));
  });
}

void api_service::readiness(const http_request&, responder reply) const {
  if (store_.ready()) {
    reply.send(json_response(200, R"({"status":"ready"})"));
  } else {
    reply.send(json_error(503, "unavailable", "the storage cannot be reached"));
  }
}

}  // namespace sentinelle
