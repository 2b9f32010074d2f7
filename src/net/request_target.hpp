#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_fields.hpp"

namespace sentinelle {

// Decodes %XX escapes, and '+' as a space when `plus_is_space` (form encoding, query only).
// nullopt on a truncated or non-hex escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Splits an origin-form target ("/path?query") into its path, still encoded, and its decoded
// query parameters ("a=1&b" gives a="1", b=""). False when the target does not start with '/'
// (absolute-form, '*') or holds a bad escape.
bool parse_target(std::string_view target, std::string& path, http_fields& query);

// The decoded segments of an encoded path: "/" gives {""}, "/v1/a%20b" gives {"v1", "a b"}.
// Decoding after splitting keeps an encoded '/' inside its segment. nullopt on a bad escape.
std::optional<std::vector<std::string>> split_path(std::string_view path);

}  // namespace sentinelle
