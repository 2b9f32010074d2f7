#pragma once

#include "plugin/source_plugin.hpp"
#include "typeform/typeform_settings.hpp"

namespace sentinelle::typeform {

// POST /hooks/typeform (CONTRACT §4, Platform webhooks): a Typeform webhook delivery, signed
// with `Typeform-Signature: sha256=<base64 HMAC-SHA256(secret, raw body)>`, becomes one
// canonical survey (README.md).
class typeform_plugin final : public source_plugin {
 public:
  typeform_plugin(plugin_context& context, settings config)
      : context_(context), config_(std::move(config)) {}

  void add_routes(router& routes) override;

 private:
  void receive(const http_request& request, responder reply) const;

  plugin_context& context_;
  const settings config_;
};

}  // namespace sentinelle::typeform
