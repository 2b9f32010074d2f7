#pragma once

#include <optional>
#include <string>

#include "plugin/source_plugin.hpp"
#include "signature/standard_webhooks.hpp"

namespace sentinelle {

// [plugins.standard]: the canonical endpoints' own settings.
struct standard_settings {
  std::string secret;  // "whsec_…": also accept Standard Webhooks signatures instead of a token
};

// The canonical sources, POST /v1/surveys and POST /v1/messages (CONTRACT §4 Ingestion): one
// event, a JSON array or NDJSON, all-or-nothing, authenticated by an `ingest` bearer token or,
// when a secret is configured, by a Standard Webhooks signature over the raw body.
class standard_plugin final : public source_plugin {
 public:
  standard_plugin(plugin_context& context, std::optional<standard_webhooks_secret> secret)
      : context_(context), secret_(std::move(secret)) {}

  void add_routes(router& routes) override;

 private:
  void ingest(const http_request& request, responder reply, event_kind kind) const;
  // nullopt when the request may go on; else the 401/403 answer.
  std::optional<http_response> authenticate(const http_request& request) const;

  plugin_context& context_;
  std::optional<standard_webhooks_secret> secret_;
};

}  // namespace sentinelle
