#include "formbricks/formbricks_plugin.hpp"

#include "formbricks/formbricks_delivery.hpp"
#include "net/http_response.hpp"
#include "plugin/hook_body.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

std::unique_ptr<source_plugin> create_formbricks(const plugin_settings& table,
                                                 plugin_context& context, std::string& error) {
  formbricks::settings config;
  if (!formbricks::read_settings(table, config, error)) {
    return nullptr;
  }
  return std::make_unique<formbricks::formbricks_plugin>(context, std::move(config));
}

}  // namespace

extern const plugin_descriptor formbricks_source_plugin{"formbricks", false, create_formbricks};

namespace formbricks {
namespace {

// Formbricks always sends JSON: a missing or other Content-Type is not Formbricks.
constexpr json_body_rules formbricks_bodies{.wrong_media_type =
                                                "Formbricks sends application/json"};

}  // namespace

void formbricks_plugin::add_routes(router& routes) {
  routes.add("POST", "/hooks/formbricks", [this](const http_request& request, responder reply) {
    receive(request, std::move(reply));
  });
}

void formbricks_plugin::receive(const http_request& request, responder reply) const {
  // The signature covers the raw bytes: checked before anything reads them.
  const standard_webhooks_headers headers{request.header("webhook-id").value_or(""),
                                          request.header("webhook-timestamp").value_or(""),
                                          request.header("webhook-signature").value_or("")};
  const signature_check check =
      standard_webhooks_verify(config_.signing_key, headers, request.body, now_unix_ms() / 1000);
  if (check != signature_check::ok) {
    refuse(context_.stats, reply,
           json_error(
               401, "bad_signature",
               "Standard Webhooks signature refused: " + std::string(signature_check_name(check))));
    return;
  }
  hand_off_json_body(context_, request, std::move(reply), formbricks_bodies,
                     [&](simdjson::dom::element root) {
                       return map_delivery(root, headers.id, config_, now_unix_ms());
                     });
}

}  // namespace formbricks
}  // namespace sentinelle
