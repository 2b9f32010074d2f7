#include "api/access_policy.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>

#include "net/bearer_token.hpp"

namespace sentinelle {
namespace {

std::array<unsigned char, 32> sha256(std::string_view text) {
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return digest;
}

http_response unauthorized(std::string_view message) {
  http_response response = json_error(401, "unauthorized", message);
  response.headers.emplace_back("WWW-Authenticate", "Bearer");
  return response;
}

}  // namespace

access_policy::access_policy(const std::vector<auth_token>& tokens) {
  for (const auth_token& token : tokens) {
    tokens_.push_back({sha256(token.token), token.granted});
  }
}

// Every known token is compared, digest against digest, so timing says nothing about which
// one (or how much of one) matched.
std::optional<role> access_policy::role_of(std::string_view presented) const {
  const auto digest = sha256(presented);
  std::optional<role> found;
  for (const known_token& token : tokens_) {
    if (CRYPTO_memcmp(token.digest.data(), digest.data(), digest.size()) == 0) {
      found = token.granted;
    }
  }
  return found;
}

std::optional<http_response> access_policy::check(const http_request& request,
                                                  std::initializer_list<role> allowed) const {
  if (tokens_.empty()) {
    return std::nullopt;
  }
  std::string_view presented;
  if (const auto header = request.header("Authorization")) {
    const auto token = bearer_token(*header);
    if (!token) {
      return unauthorized("expected 'Authorization: Bearer TOKEN'");
    }
    presented = *token;
  } else if (const auto query = request.query_param("token")) {
    presented = *query;  // browsers' EventSource and WebSocket cannot set headers
  } else {
    return unauthorized("a bearer token is required");
  }
  const auto granted = role_of(presented);
  if (!granted) {
    return unauthorized("unknown token");
  }
  if (*granted == role::admin ||
      std::find(allowed.begin(), allowed.end(), *granted) != allowed.end()) {
    return std::nullopt;
  }
  return json_error(403, "forbidden", "this token's role may not do this");
}

}  // namespace sentinelle
