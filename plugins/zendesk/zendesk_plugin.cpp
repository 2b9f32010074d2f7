// Zendesk satisfaction ratings at POST /hooks/zendesk (README.md): authenticated on the raw body,
// then read through the configured field paths into one CSAT survey.
#include <array>
#include <optional>
#include <string>

#include "plugin/hook_body.hpp"
#include "util/time.hpp"
#include "zendesk/zendesk_auth.hpp"
#include "zendesk/zendesk_rating.hpp"

namespace sentinelle {
namespace {

using zendesk::settings;

constexpr std::array<setting_key<settings>, 11> zendesk_keys{{
    {"signing_secret", &settings::signing_secret},
    {"secret", &settings::secret},
    {"fields.rating_id", &settings::rating_id},
    {"fields.score", &settings::score},
    {"fields.comment", &settings::comment},
    {"fields.agent_id", &settings::agent_id},
    {"fields.team_id", &settings::team_id},
    {"fields.ticket_id", &settings::ticket_id},
    {"fields.customer_id", &settings::customer_id},
    {"fields.submitted_at", &settings::submitted_at},
    {"fields.channel", &settings::channel},
}};

// A Zendesk webhook set to the "XML" or "Form encoded" request format is refused with 415; no
// Content-Type is read as JSON.
constexpr json_body_rules zendesk_bodies{
    .wrong_media_type = "set the Zendesk webhook's format to JSON",
    .content_type_optional = true,
    .not_an_object = "a satisfaction rating is a JSON object"};

class zendesk_plugin final : public source_plugin {
 public:
  zendesk_plugin(plugin_context& context, zendesk::authenticator gate,
                 zendesk::rating_fields fields)
      : context_(context), gate_(std::move(gate)), fields_(std::move(fields)) {}

  void add_routes(router& routes) override {
    routes.add("POST", "/hooks/zendesk", [this](const http_request& request, responder reply) {
      receive(request, std::move(reply));
    });
  }

 private:
  void receive(const http_request& request, responder reply) const {
    const std::int64_t now_ms = now_unix_ms();
    if (auto denied = gate_.check(request, now_ms / 1000)) {
      refuse(context_.stats, reply, std::move(*denied));
      return;
    }
    hand_off_json_body(context_, request, std::move(reply), zendesk_bodies,
                       [this, now_ms](simdjson::dom::element root) {
                         return zendesk::map_rating(root, fields_, now_ms);
                       });
  }

  plugin_context& context_;
  zendesk::authenticator gate_;
  zendesk::rating_fields fields_;
};

std::unique_ptr<source_plugin> create_zendesk(const plugin_settings& configured,
                                              plugin_context& context, std::string& error) {
  settings read;
  if (!read_settings<settings>(configured, zendesk_keys, read, error)) {
    return nullptr;
  }
  std::optional<standard_webhooks_secret> secret;
  if (!read.secret.empty()) {
    secret = standard_webhooks_secret::parse(read.secret, error);
    if (!secret) {
      error = "plugins.zendesk.secret: " + error;
      return nullptr;
    }
  }
  auto fields = zendesk::rating_fields::compile(read, error);
  if (!fields) {
    return nullptr;
  }
  // access_policy lets a request without credentials through only when no token is configured
  // (api/access_policy.hpp): asking once tells whether bearer tokens are an option here.
  const bool tokens_configured = !context.access.open();
  zendesk::authenticator gate(context.access, tokens_configured, std::move(read.signing_secret),
                              std::move(secret));
  return std::make_unique<zendesk_plugin>(context, std::move(gate), std::move(*fields));
}

}  // namespace

extern const plugin_descriptor zendesk_source_plugin{"zendesk", false, create_zendesk};

}  // namespace sentinelle
