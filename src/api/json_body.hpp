#pragma once

#include <simdjson.h>

#include <optional>

#include "net/http_request.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

// A request body that must be one JSON object (POST /v1/analyze, alert actions): 415 unless the
// content type is JSON, 400 `invalid_utf8` or `invalid_json`; else nullopt and `root` is set
// (valid as long as `parser` and the request are).
std::optional<http_response> read_json_object(const http_request& request,
                                              simdjson::dom::parser& parser,
                                              simdjson::dom::object& root);

}  // namespace sentinelle
