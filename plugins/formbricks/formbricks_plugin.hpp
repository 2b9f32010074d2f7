#pragma once

#include "formbricks/formbricks_settings.hpp"
#include "plugin/source_plugin.hpp"

namespace sentinelle::formbricks {

// POST /hooks/formbricks (CONTRACT §4, Platform webhooks): a Formbricks webhook delivery,
// signed with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature; 5-minute
// tolerance), becomes canonical surveys (README.md).
class formbricks_plugin final : public source_plugin {
 public:
  formbricks_plugin(plugin_context& context, settings config)
      : context_(context), config_(std::move(config)) {}

  void add_routes(router& routes) override;

 private:
  void receive(const http_request& request, responder reply) const;

  plugin_context& context_;
  const settings config_;
};

}  // namespace sentinelle::formbricks
