#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "net/http_fields.hpp"

namespace sentinelle {

// One request as a handler sees it: parsed and decoded, independent of Beast, so handlers and
// their tests build it directly. The session keeps it alive until the response is sent.
struct http_request {
  std::string method;          // as sent, case-sensitive: "GET", "POST"…
  std::string target;          // raw request-target: "/v1/scores?from=2026-11-01"
  std::string path;            // the target's path, still percent-encoded: "/v1/scores"
  http_fields query;           // decoded query parameters ('+' is a space), in order
  http_fields path_params;     // decoded `{name}` segments of the matched route (router fills)
  http_fields headers;         // as received
  std::string body;            // raw bytes: signatures are checked on exactly these
  std::string remote_address;  // peer IP address, without the port

  // First header named `name`, compared case-insensitively.
  std::optional<std::string_view> header(std::string_view name) const {
    return find_field(headers, name, true);
  }
  // First query parameter named `name` (exact name).
  std::optional<std::string_view> query_param(std::string_view name) const {
    return find_field(query, name, false);
  }
  // The `{name}` segment of the matched route; empty when the route declares no such name.
  std::string_view path_param(std::string_view name) const {
    return find_field(path_params, name, false).value_or(std::string_view{});
  }
};

}  // namespace sentinelle
