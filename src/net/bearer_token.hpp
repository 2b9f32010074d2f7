#pragma once

#include <optional>
#include <string_view>

namespace sentinelle {

// The token of an `Authorization: Bearer TOKEN` header value (the scheme is case-insensitive,
// RFC 9110 §11.1); nullopt for another scheme or an empty token. One reading for the API's
// access checks and the per-token rate limit, so the two never disagree on who is calling.
std::optional<std::string_view> bearer_token(std::string_view authorization);

}  // namespace sentinelle
