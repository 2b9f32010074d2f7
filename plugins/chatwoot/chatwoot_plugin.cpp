// Chatwoot's webhooks at POST /hooks/chatwoot (README.md): the signature over
// "{X-Chatwoot-Timestamp}.{raw body}" first, then the payload mapped to canonical events.
#include <array>
#include <optional>
#include <string>

#include "chatwoot/chatwoot_events.hpp"
#include "net/http_response.hpp"
#include "signature/prefixed_hmac.hpp"
#include "util/json_writer.hpp"
#include "util/numbers.hpp"
#include "util/time.hpp"
#include "util/utf8.hpp"

namespace sentinelle {
namespace {

// [plugins.chatwoot]
struct chatwoot_settings {
  std::string secret;  // the webhook's secret, shown by Chatwoot when the webhook is created
};

constexpr std::array<setting_key<chatwoot_settings>, 1> chatwoot_keys{{
    {"secret", &chatwoot_settings::secret, true},
}};

// Chatwoot's own advice; the same window as Standard Webhooks elsewhere in sentinelle.
constexpr std::int64_t timestamp_tolerance_s = 5 * 60;

std::string details_json(const std::vector<field_problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const field_problem& problem : problems) {
    json.begin_object().key("field").value(problem.field);
    json.key("message").value(problem.message).end_object();
  }
  json.end_array();
  return out;
}

http_response refused(std::string_view why) {
  return json_error(401, "bad_signature", why);
}

// The body as one JSON object, or the 400/415/422 answer. A missing Content-Type is read as
// JSON (Chatwoot always sends application/json); another media type is refused.
std::optional<http_response> read_object(const http_request& request, simdjson::dom::parser& parser,
                                         simdjson::dom::object& body) {
  const auto content_type = request.header("Content-Type");
  if (content_type && media_type(*content_type) != "application/json") {
    return json_error(415, "unsupported_media_type", "Chatwoot webhooks are application/json");
  }
  if (const auto invalid = find_invalid_utf8(request.body)) {
    return json_error(400, "invalid_utf8",
                      "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
  }
  simdjson::dom::element root;
  if (parser.parse(request.body.data(), request.body.size()).get(root) != simdjson::SUCCESS) {
    return json_error(400, "invalid_json", "the body is not JSON");
  }
  if (root.get(body) != simdjson::SUCCESS) {
    return json_error(422, "invalid_event", "a Chatwoot webhook body is a JSON object");
  }
  return std::nullopt;
}

class chatwoot_plugin final : public source_plugin {
 public:
  chatwoot_plugin(plugin_context& context, std::string secret)
      : context_(context), secret_(std::move(secret)) {}

  void add_routes(router& routes) override {
    routes.add("POST", "/hooks/chatwoot", [this](const http_request& request, responder reply) {
      receive(request, std::move(reply));
    });
  }

 private:
  // nullopt when the delivery is Chatwoot's and fresh; else the 401 to send.
  std::optional<http_response> authenticate(const http_request& request) const {
    const std::string_view timestamp = request.header("X-Chatwoot-Timestamp").value_or("");
    const std::string_view signature = request.header("X-Chatwoot-Signature").value_or("");
    if (timestamp.empty() || signature.empty()) {
      return refused("X-Chatwoot-Signature and X-Chatwoot-Timestamp are required");
    }
    const auto sent_s = parse_non_negative(timestamp);
    const std::int64_t now_s = now_unix_ms() / 1000;
    if (!sent_s || *sent_s < now_s - timestamp_tolerance_s ||
        *sent_s > now_s + timestamp_tolerance_s) {
      return refused("X-Chatwoot-Timestamp is not Unix seconds within 5 minutes of now");
    }
    // The timestamp is inside the signed text, so a replay cannot freshen it.
    std::string signed_text;
    signed_text.reserve(timestamp.size() + 1 + request.body.size());
    signed_text.append(timestamp).append(".").append(request.body);
    if (!prefixed_hmac_matches(secret_, signed_text, signature, digest_encoding::hex)) {
      return refused("X-Chatwoot-Signature does not match the body");
    }
    return std::nullopt;
  }

  void receive(const http_request& request, responder reply) const {
    if (auto denied = authenticate(request)) {
      context_.stats.unauthorized.fetch_add(1, std::memory_order_relaxed);
      reply.send(std::move(*denied));
      return;
    }
    thread_local simdjson::dom::parser parser;  // reuses its buffers across deliveries
    simdjson::dom::object body;
    if (auto unreadable = read_object(request, parser, body)) {
      context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
      reply.send(std::move(*unreadable));
      return;
    }
    chatwoot::mapped_delivery mapped = chatwoot::map_delivery(
        body, request.header("X-Chatwoot-Delivery").value_or(""), now_unix_ms());
    if (!mapped.problems.empty()) {
      context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
      reply.send(json_error(422, "invalid_event", "not a Chatwoot delivery sentinelle can read",
                            details_json(mapped.problems)));
      return;
    }
    context_.stats.deliveries.fetch_add(1, std::memory_order_relaxed);
    context_.stats.skipped.fetch_add(mapped.batch.skipped, std::memory_order_relaxed);
    context_.pipeline.submit(std::move(mapped.batch), std::move(reply));
  }

  plugin_context& context_;
  std::string secret_;  // used as is: Chatwoot signs with the secret's text as the HMAC key
};

std::unique_ptr<source_plugin> create_chatwoot(const plugin_settings& settings,
                                               plugin_context& context, std::string& error) {
  chatwoot_settings read;
  if (!read_settings<chatwoot_settings>(settings, chatwoot_keys, read, error)) {
    return nullptr;
  }
  if (read.secret.empty()) {
    error = "plugins.chatwoot.secret: must not be empty";
    return nullptr;
  }
  return std::make_unique<chatwoot_plugin>(context, std::move(read.secret));
}

}  // namespace

extern const plugin_descriptor chatwoot_source_plugin{"chatwoot", false, create_chatwoot};

}  // namespace sentinelle
