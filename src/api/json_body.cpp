#include "api/json_body.hpp"

#include "api/api_service.hpp"
#include "util/utf8.hpp"

namespace sentinelle {

std::optional<http_response> read_json_object(const http_request& request,
                                              simdjson::dom::parser& parser,
                                              simdjson::dom::object& root) {
  if (media_type(request.header("Content-Type").value_or("")) != "application/json") {
    return json_error(415, "unsupported_media_type", "send application/json");
  }
  if (find_invalid_utf8(request.body)) {
    return json_error(400, "invalid_utf8", "the body is not valid UTF-8");
  }
  if (parser.parse(request.body.data(), request.body.size()).get(root) != simdjson::SUCCESS) {
    return json_error(400, "invalid_json", "the body is not a JSON object");
  }
  return std::nullopt;
}

}  // namespace sentinelle
