#pragma once

#include <string>

#include "plugin/source_plugin.hpp"
#include "signature/hmac.hpp"

namespace sentinelle {

// [plugins.facebook]: the Meta app's settings (App Dashboard → Webhooks).
struct facebook_settings {
  std::string app_secret;    // signs every delivery: X-Hub-Signature-256
  std::string verify_token;  // chosen by you, echoed by Meta in the subscription handshake
};

// Meta's webhooks (Facebook Page feed, Messenger, Instagram) at /hooks/facebook
// (CONTRACT §4 "Platform webhooks"):
// - GET: the subscription handshake (hub.mode, hub.verify_token, hub.challenge);
// - POST: a delivery signed with the app secret, mapped to canonical message events
//   (facebook/meta_delivery.hpp) and handed to the pipeline as one batch.
class facebook_plugin final : public source_plugin {
 public:
  facebook_plugin(plugin_context& context, facebook_settings settings);

  void add_routes(router& routes) override;

 private:
  void verify_subscription(const http_request& request, responder reply) const;
  void receive(const http_request& request, responder reply) const;

  plugin_context& context_;
  facebook_settings settings_;
  sha256_digest verify_token_digest_;  // what a handshake's token is compared with
};

}  // namespace sentinelle
