#include "net/beast_messages.hpp"

#include <utility>

#include "net/request_target.hpp"
#include "net/response_wire.hpp"

namespace sentinelle {
namespace {

std::string to_string(beast::string_view text) {
  return {text.data(), text.size()};
}

// Syntax errors share Beast's http category with limits and ends of stream, checked first.
bool is_malformed(const beast::error_code& ec) {
  return ec.category() == beast::error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

}  // namespace

std::optional<http_request> to_http_request(beast_request&& message, std::string remote_address) {
  http_request request;
  request.target = to_string(message.target());
  if (!parse_target(request.target, request.path, request.query)) {
    return std::nullopt;
  }
  request.method = to_string(message.method_string());
  for (const auto& field : message) {
    request.headers.emplace_back(to_string(field.name_string()), to_string(field.value()));
  }
  request.body = std::move(message.body());
  request.remote_address = std::move(remote_address);
  return request;
}

std::optional<http_response> answer_read_error(const beast::error_code& ec,
                                               const http_server_options& options) {
  if (ec == http::error::body_limit) {
    return json_error(413, "too_large",
                      "the body exceeds " + std::to_string(options.body_limit_bytes) + " bytes");
  }
  if (ec == http::error::header_limit) {
    return json_error(431, "headers_too_large",
                      "the request line and headers exceed " +
                          std::to_string(options.header_limit_bytes) + " bytes");
  }
  if (is_malformed(ec)) {
    return json_error(400, "bad_request", "malformed HTTP request: " + ec.message());
  }
  return std::nullopt;
}

std::string path_of(std::string_view target) {
  return std::string(target.substr(0, target.find('?')));
}

}  // namespace sentinelle
