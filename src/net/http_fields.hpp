#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sentinelle {

// Name/value pairs in arrival order, repeated names kept (headers, query and path parameters).
// A vector, not a map: requests carry a handful of fields and order matters for repeats.
using http_fields = std::vector<std::pair<std::string, std::string>>;

// The first value named `name`; header names compare case-insensitively (RFC 9110 §5.1).
std::optional<std::string_view> find_field(const http_fields& fields, std::string_view name,
                                           bool ignore_case);

// A Content-Type's media type: "application/json; charset=utf-8" → "application/json"
// (lower case, parameters and blanks dropped).
std::string media_type(std::string_view content_type);

}  // namespace sentinelle
