// Outbound webhook administration (docs/alerts.md): the dead letters and their replay. Admin
// role only: they show where alerts go and can re-send them.
#include "api/api_service.hpp"
#include "util/json_writer.hpp"
#include "util/numbers.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

constexpr std::size_t dead_letter_page = 500;

std::string dead_letters_json(const std::vector<dead_letter>& letters) {
  std::string out;
  json_writer json(out);
  json.begin_object().key("dead_letters").begin_array();
  for (const dead_letter& letter : letters) {
    json.begin_object();
    json.key("id").value(static_cast<long long>(letter.id));
    json.key("webhook_id").value(letter.webhook_id);
    json.key("sink").value(letter.sink);
    json.key("alert_id").value(letter.alert_id);
    json.key("attempts").value(letter.attempts);
    json.key("created_at").value(format_rfc3339(letter.created_at_ms));
    json.key("died_at").value(format_rfc3339(letter.died_at_ms));
    json.key("last_error").value(letter.last_error);
    json.end_object();
  }
  json.end_array().end_object();
  return out;
}

}  // namespace

void api_service::list_dead_letters(const http_request& request, responder reply) const {
  if (auto denied = access_.check(request, {role::admin})) {
    reply.send(std::move(*denied));
    return;
  }
  if (outbox_ == nullptr) {
    reply.send(json_response(200, R"({"dead_letters":[]})"));
    return;
  }
  reply.send(json_response(200, dead_letters_json(outbox_->dead_letters(dead_letter_page))));
}

void api_service::replay_dead_letter(const http_request& request, responder reply) const {
  if (auto denied = access_.check(request, {role::admin})) {
    reply.send(std::move(*denied));
    return;
  }
  const auto id = parse_non_negative(request.path_param("id"));
  if (outbox_ == nullptr || !id || !outbox_->replay_dead_letter(*id, now_unix_ms())) {
    reply.send(json_error(404, "not_found", "no such dead letter"));
    return;
  }
  if (replayed_) {
    replayed_();
  }
  reply.send(json_response(200, R"({"status":"queued"})"));
}

}  // namespace sentinelle
