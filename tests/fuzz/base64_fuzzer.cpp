// The strict base64 decoder and the Standard Webhooks secret parser (src/signature). Checked:
// from_base64 accepts only canonical text (re-encoding gives the input back, "one spelling per
// secret"), to_base64 round-trips any bytes, and a refused secret is never quoted in the error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "signature/encoding.hpp"
#include "signature/standard_webhooks.hpp"

using namespace sentinelle;

namespace {

std::string error_of(std::string_view secret) {
  std::string error;
  standard_webhooks_secret::parse(secret, error);
  return error;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzzing::as_text(data, size);
  if (const auto bytes = from_base64(input)) {
    fuzzing::require(to_base64(*bytes) == input, "from_base64 accepted a non-canonical text");
  }
  const auto decoded = from_base64(to_base64(input));
  fuzzing::require(decoded && *decoded == input, "to_base64 does not round-trip");

  std::string error;
  const auto secret = standard_webhooks_secret::parse(input, error);
  if (secret) {
    fuzzing::require(!secret->key().empty(), "an empty signing key");
    const std::string_view text = input.starts_with("whsec_") ? input.substr(6) : input;
    fuzzing::require(from_base64(text) == secret->key(), "the key is not the secret's bytes");
  } else {
    // Not quoting the secret means the error does not depend on it: it is one of the errors
    // of two fixed secrets, one not base64 and one empty.
    static const std::string not_base64 = error_of("!");
    static const std::string empty = error_of("whsec_");
    fuzzing::require(error == not_base64 || error == empty, "the error depends on the secret");
  }
  return 0;
}
