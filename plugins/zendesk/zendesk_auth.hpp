#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api/access_policy.hpp"
#include "net/http_request.hpp"
#include "net/http_response.hpp"
#include "signature/standard_webhooks.hpp"

namespace sentinelle::zendesk {

// Who may post to /hooks/zendesk (README.md "Authentication"). A request is judged by the first
// credential sentinelle can check, in this order:
// 1. Zendesk's signature (X-Zendesk-Webhook-Signature: base64 HMAC-SHA256 of timestamp + body,
//    the timestamp within 5 minutes), when `signing_secret` is configured;
// 2. a Standard Webhooks signature, when `secret` is configured;
// 3. an `ingest` (or `admin`) bearer token of [[auth.tokens]], when tokens are configured.
// A signature present and checkable is final: a wrong one is 401 even beside a good token.
// Without any of them: 401, unless nothing at all is configured, in which case the endpoint is
// open like /v1/* (the server refuses to listen beyond loopback without tokens).
class authenticator {
 public:
  authenticator(const access_policy& access, bool tokens_configured, std::string signing_secret,
                std::optional<standard_webhooks_secret> secret)
      : access_(access),
        tokens_configured_(tokens_configured),
        signing_secret_(std::move(signing_secret)),
        secret_(std::move(secret)) {}

  // nullopt when the request may go on; else the 401 (or 403, a token without the role).
  std::optional<http_response> check(const http_request& request, std::int64_t now_s) const;

 private:
  std::optional<http_response> check_zendesk(const http_request& request,
                                             std::string_view signature, std::int64_t now_s) const;
  std::optional<http_response> check_standard(const http_request& request,
                                              std::string_view signature, std::int64_t now_s) const;

  const access_policy& access_;
  bool tokens_configured_;
  std::string signing_secret_;  // used as is: Zendesk's HMAC key is the secret's text
  std::optional<standard_webhooks_secret> secret_;
};

}  // namespace sentinelle::zendesk
