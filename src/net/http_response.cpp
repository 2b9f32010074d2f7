#include "net/http_response.hpp"

#include <utility>

#include "net/json_text.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

http_response json_response(unsigned status, std::string body) {
  http_response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

http_response json_error(unsigned status, std::string_view code, std::string_view message,
                         std::string_view details_json) {
  std::string body = R"({"error":{"code":)";
  append_json_string(body, code);
  body.append(R"(,"message":)");
  append_json_text(body, message);  // callers may quote client bytes: keep the body JSON
  if (!details_json.empty()) {
    body.append(R"(,"details":)");
    body.append(details_json);
  }
  body.append("}}");
  return json_response(status, std::move(body));
}

}  // namespace sentinelle
