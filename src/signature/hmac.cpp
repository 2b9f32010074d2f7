#include "signature/hmac.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cassert>

namespace sentinelle {
namespace {

// OpenSSL wants real pointers even for empty input; an empty string_view may hold nullptr.
const unsigned char* bytes_of(std::string_view text) {
  static constexpr unsigned char empty = 0;
  return text.empty() ? &empty : reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

sha256_digest hmac_sha256(std::string_view key, std::string_view message) {
  sha256_digest digest{};
  unsigned int length = 0;
  const unsigned char* written = HMAC(EVP_sha256(), bytes_of(key), static_cast<int>(key.size()),
                                      bytes_of(message), message.size(), digest.data(), &length);
  // Only an allocation failure inside OpenSSL can fail here: an invariant, not input.
  assert(written != nullptr && length == digest.size());
  (void)written;
  return digest;
}

std::string_view as_bytes(const sha256_digest& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  // The length is not secret (every signature of a scheme has the same one); the bytes are.
  if (a.size() != b.size()) {
    return false;
  }
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sentinelle
