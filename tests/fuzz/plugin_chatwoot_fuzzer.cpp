// The Chatwoot source plugin (plugins/chatwoot): "sha256=" + hex HMAC-SHA256 of
// "{X-Chatwoot-Timestamp}.{body}". Raw headers: Content-Type, X-Chatwoot-Timestamp,
// X-Chatwoot-Signature, X-Chatwoot-Delivery.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugin_fuzz.hpp"
#include "util/time.hpp"

using namespace sentinelle;

namespace {

constexpr const char* secret = "chatwoot-webhook-secret-7Hq2";

http_fields chatwoot_signed(const std::string& body) {
  const std::string timestamp = std::to_string(now_unix_ms() / 1000);
  const std::string signature =
      fuzzing::hmac_signature(secret, timestamp + "." + body, digest_encoding::hex);
  return {{"X-Chatwoot-Timestamp", timestamp},
          {"X-Chatwoot-Signature", signature},
          {"X-Chatwoot-Delivery", "3f0c8a52-9d7e-4b61-a0f4-5e2b7c9d1a08"}};
}

const fuzzing::plugin_target chatwoot{
    "chatwoot",
    {{"secret", std::string(secret)}},
    {{"/hooks/chatwoot", "application/json; charset=utf-8"}},
    chatwoot_signed,
    {"Content-Type", "X-Chatwoot-Timestamp", "X-Chatwoot-Signature", "X-Chatwoot-Delivery"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzzing::fuzz_plugin(chatwoot, SENTINELLE_FUZZ_SIGNED, data, size);
}
