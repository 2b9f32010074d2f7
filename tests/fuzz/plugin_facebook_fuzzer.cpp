// The Meta source plugin (plugins/facebook): Page feed, Messenger and Instagram deliveries signed
// with "sha256=" + hex HMAC-SHA256 of the body under the app secret (X-Hub-Signature-256).
// Raw headers: Content-Type, X-Hub-Signature-256. The GET subscription check is not fuzzed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugin_fuzz.hpp"

using namespace sentinelle;

namespace {

constexpr const char* app_secret = "8f3a1c9e2b7d4f60a5e1c3b9d7f2a4e6";

http_fields meta_signed(const std::string& body) {
  return {{"X-Hub-Signature-256", fuzzing::hmac_signature(app_secret, body, digest_encoding::hex)}};
}

const fuzzing::plugin_target facebook{"facebook",
                                      {{"app_secret", std::string(app_secret)},
                                       {"verify_token", std::string("jeton-de-verification-fuzz")}},
                                      {{"/hooks/facebook", "application/json"}},
                                      meta_signed,
                                      {"Content-Type", "X-Hub-Signature-256"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzzing::fuzz_plugin(facebook, SENTINELLE_FUZZ_SIGNED, data, size);
}
