// The Zendesk source plugin (plugins/zendesk) with both credentials configured: Zendesk's own
// signature (base64 HMAC-SHA256 of timestamp + body, the signed variant) and Standard Webhooks.
// Raw headers: Content-Type, X-Zendesk-Webhook-Signature-Timestamp, X-Zendesk-Webhook-Signature,
// webhook-id, webhook-timestamp, webhook-signature.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugin_fuzz.hpp"
#include "util/time.hpp"

using namespace sentinelle;

namespace {

constexpr const char* signing_secret = "dGhpcyBpcyBhIFplbmRlc2sgc2lnbmluZyBzZWNyZXQ";

http_fields zendesk_signed(const std::string& body) {
  std::string timestamp = format_rfc3339(now_unix_ms() / 1000 * 1000);
  timestamp.replace(timestamp.size() - 5, 5, "Z");  // ".000Z" → "Z", as Zendesk writes it
  return {{"X-Zendesk-Webhook-Signature-Timestamp", timestamp},
          {"X-Zendesk-Webhook-Signature",
           fuzzing::hmac_signature(signing_secret, timestamp + body, digest_encoding::base64, "")}};
}

const fuzzing::plugin_target zendesk{
    "zendesk",
    {{"signing_secret", std::string(signing_secret)},
     {"secret", std::string("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")}},
    {{"/hooks/zendesk", "application/json"}},
    zendesk_signed,
    {"Content-Type", "X-Zendesk-Webhook-Signature-Timestamp", "X-Zendesk-Webhook-Signature",
     "webhook-id", "webhook-timestamp", "webhook-signature"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzzing::fuzz_plugin(zendesk, SENTINELLE_FUZZ_SIGNED, data, size);
}
