#include "typeform/typeform_plugin.hpp"

#include "net/http_response.hpp"
#include "plugin/hook_body.hpp"
#include "signature/prefixed_hmac.hpp"
#include "typeform/typeform_delivery.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

std::unique_ptr<source_plugin> create_typeform(const plugin_settings& table,
                                               plugin_context& context, std::string& error) {
  typeform::settings config;
  if (!typeform::read_settings(table, config, error)) {
    return nullptr;
  }
  return std::make_unique<typeform::typeform_plugin>(context, std::move(config));
}

}  // namespace

extern const plugin_descriptor typeform_source_plugin{"typeform", false, create_typeform};

namespace typeform {
namespace {

// Typeform always sends JSON: a missing or other Content-Type is not Typeform.
constexpr json_body_rules typeform_bodies{.wrong_media_type = "Typeform sends application/json"};

}  // namespace

void typeform_plugin::add_routes(router& routes) {
  routes.add("POST", "/hooks/typeform", [this](const http_request& request, responder reply) {
    receive(request, std::move(reply));
  });
}

void typeform_plugin::receive(const http_request& request, responder reply) const {
  // The signature covers the raw bytes: checked before anything reads them.
  const auto signature = request.header("Typeform-Signature");
  if (!signature ||
      !prefixed_hmac_matches(config_.secret, request.body, *signature, digest_encoding::base64)) {
    refuse(context_.stats, reply,
           json_error(401, "bad_signature",
                      signature ? "Typeform-Signature does not match the body"
                                : "Typeform-Signature is missing"));
    return;
  }
  hand_off_json_body(
      context_, request, std::move(reply), typeform_bodies,
      [this](simdjson::dom::element root) { return map_delivery(root, config_, now_unix_ms()); });
}

}  // namespace typeform
}  // namespace sentinelle
