#include "zendesk/zendesk_auth.hpp"

#include "signature/prefixed_hmac.hpp"
#include "util/time.hpp"

namespace sentinelle::zendesk {
namespace {

// The same window as Chatwoot's and Standard Webhooks' checks in sentinelle.
constexpr std::int64_t timestamp_tolerance_s = 5 * 60;

http_response refused(std::string_view why) {
  return json_error(401, "bad_signature", why);
}

}  // namespace

std::optional<http_response> authenticator::check(const http_request& request,
                                                  std::int64_t now_s) const {
  const auto zendesk_signature = request.header("X-Zendesk-Webhook-Signature");
  if (!signing_secret_.empty() && zendesk_signature) {
    return check_zendesk(request, *zendesk_signature, now_s);
  }
  const auto standard_signature = request.header("webhook-signature");
  if (secret_ && standard_signature) {
    return check_standard(request, *standard_signature, now_s);
  }
  if (tokens_configured_) {
    return access_.check(request, {role::ingest});
  }
  if (!signing_secret_.empty() || secret_) {
    return refused("a signature is required: X-Zendesk-Webhook-Signature or webhook-signature");
  }
  return std::nullopt;  // nothing configured: open, on loopback only (CONTRACT §2)
}

std::optional<http_response> authenticator::check_zendesk(const http_request& request,
                                                          std::string_view signature,
                                                          std::int64_t now_s) const {
  // Zendesk writes the timestamp as RFC 3339 ("2021-03-25T05:09:27Z") and signs it, unseparated,
  // before the body.
  const std::string_view timestamp =
      request.header("X-Zendesk-Webhook-Signature-Timestamp").value_or("");
  const auto sent_ms = parse_rfc3339(timestamp);
  if (!sent_ms || *sent_ms / 1000 < now_s - timestamp_tolerance_s ||
      *sent_ms / 1000 > now_s + timestamp_tolerance_s) {
    return refused("X-Zendesk-Webhook-Signature-Timestamp is missing or not within 5 minutes");
  }
  std::string signed_text;
  signed_text.reserve(timestamp.size() + request.body.size());
  signed_text.append(timestamp).append(request.body);
  if (!prefixed_hmac_matches(signing_secret_, signed_text, signature, digest_encoding::base64,
                             "")) {
    return refused("X-Zendesk-Webhook-Signature does not match the body");
  }
  return std::nullopt;
}

std::optional<http_response> authenticator::check_standard(const http_request& request,
                                                           std::string_view signature,
                                                           std::int64_t now_s) const {
  const standard_webhooks_headers headers{request.header("webhook-id").value_or(""),
                                          request.header("webhook-timestamp").value_or(""),
                                          signature};
  const signature_check check =
      standard_webhooks_verify(secret_->key(), headers, request.body, now_s);
  if (check == signature_check::ok) {
    return std::nullopt;
  }
  return refused("Standard Webhooks signature refused: " +
                 std::string(signature_check_name(check)));
}

}  // namespace sentinelle::zendesk
