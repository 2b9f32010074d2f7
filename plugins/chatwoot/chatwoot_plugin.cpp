// Chatwoot's webhooks at POST /hooks/chatwoot (README.md): the signature over
// "{X-Chatwoot-Timestamp}.{raw body}" first, then the payload mapped to canonical events.
#include <array>
#include <optional>
#include <string>

#include "chatwoot/chatwoot_events.hpp"
#include "net/http_response.hpp"
#include "plugin/hook_body.hpp"
#include "signature/prefixed_hmac.hpp"
#include "util/numbers.hpp"
#include "util/time.hpp"

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

http_response refused(std::string_view why) {
  return json_error(401, "bad_signature", why);
}

// Chatwoot always sends application/json, so a missing Content-Type is read as JSON; another
// media type is refused.
constexpr json_body_rules chatwoot_bodies{
    .wrong_media_type = "Chatwoot webhooks are application/json",
    .content_type_optional = true,
    .not_an_object = "a Chatwoot webhook body is a JSON object"};

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
      refuse(context_.stats, reply, std::move(*denied));
      return;
    }
    const std::string_view delivery_id = request.header("X-Chatwoot-Delivery").value_or("");
    hand_off_json_body(context_, request, std::move(reply), chatwoot_bodies,
                       [delivery_id](simdjson::dom::element root) {
                         // An object: chatwoot_bodies refuses any other JSON.
                         return chatwoot::map_delivery(root.get_object().value_unsafe(),
                                                       delivery_id, now_unix_ms());
                       });
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
