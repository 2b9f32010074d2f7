// The Typeform source plugin (plugins/typeform), questions detected from their types (no field
// mapping configured): "sha256=" + base64 HMAC-SHA256 of the body (Typeform-Signature).
// Raw headers: Content-Type, Typeform-Signature.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugin_fuzz.hpp"

using namespace sentinelle;

namespace {

constexpr const char* secret = "tf-webhook-secret-1f0c9a7e";

http_fields typeform_signed(const std::string& body) {
  return {{"Typeform-Signature", fuzzing::hmac_signature(secret, body, digest_encoding::base64)}};
}

const fuzzing::plugin_target typeform{"typeform",
                                      {{"secret", std::string(secret)}},
                                      {{"/hooks/typeform", "application/json"}},
                                      typeform_signed,
                                      {"Content-Type", "Typeform-Signature"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzzing::fuzz_plugin(typeform, SENTINELLE_FUZZ_SIGNED, data, size);
}
