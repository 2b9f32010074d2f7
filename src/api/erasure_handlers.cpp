// Erasure on request (CONTRACT §4 Operations and privacy, GDPR art. 17): every event of a
// customer, or of a social author, deleted with its alerts and deliveries; the scores no longer
// count them. Admin role only. The audit line names a digest of the id, never the id itself.
#include <openssl/sha.h>

#include "api/api_service.hpp"
#include "net/json_log.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {
namespace {

// The first 16 hex digits of SHA-256(id): enough to match an audit line to a request someone
// kept, without the log holding the identifier.
std::string id_digest(std::string_view id) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(id.data()), id.size(), digest);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  return out;
}

std::string erasure_json(std::string_view key, std::string_view id, const erasure_result& done) {
  std::string out;
  json_writer json(out);
  json.begin_object().key(key).value(id);
  json.key("deleted").begin_object();
  json.key("events").value(static_cast<long long>(done.events));
  json.key("alerts").value(static_cast<long long>(done.alerts));
  json.end_object().end_object();
  return out;
}

}  // namespace

void api_service::erase_person(const http_request& request, responder reply,
                               erasure_request::match by) const {
  if (auto denied = access_.check(request, {role::admin})) {
    reply.send(std::move(*denied));
    return;
  }
  const std::string id(request.path_param("id"));
  if (id.empty() || id.size() > 200) {
    reply.send(json_error(404, "not_found", "no such customer or author"));
    return;
  }
  const bool customer = by == erasure_request::match::customer_id;
  auto audit = audit_;
  store_.erase(erasure_request{by, id, 0, 0}, [reply, id, customer, audit](erasure_result done) {
    if (!done.ok) {
      reply.send(json_error(503, "unavailable", "the erasure could not be committed; retry"));
      return;
    }
    if (audit) {
      audit(log_fields(customer ? "customer_erased" : "author_erased")
                .add("id_sha256_16", id_digest(id))
                .add("events", static_cast<std::uint64_t>(done.events))
                .add("alerts", static_cast<std::uint64_t>(done.alerts))
                .text());
    }
    reply.send(json_response(200, erasure_json(customer ? "customer_id" : "author_id", id, done)));
  });
}

}  // namespace sentinelle
