#include "net/beast_messages.hpp"

#include <ctime>
#include <utility>

#include "net/request_target.hpp"

namespace sentinelle {
namespace {

std::string to_string(beast::string_view text) {
  return {text.data(), text.size()};
}

// A header value with CR, LF or NUL would let a handler echoing client bytes split the
// response; such a header is a bug, dropped rather than sent.
bool is_safe_header(std::string_view name, std::string_view value) {
  constexpr std::string_view breaks("\r\n\0", 3);
  return !name.empty() && name.find(':') == std::string_view::npos &&
         name.find_first_of(breaks) == std::string_view::npos &&
         value.find_first_of(breaks) == std::string_view::npos;
}

// Syntax errors share Beast's http category with limits and ends of stream, checked first.
bool is_malformed(const beast::error_code& ec) {
  return ec.category() == beast::error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

unsigned checked_status(unsigned status) {
  return status >= 200 && status <= 599 ? status : 500;  // a bad status is a handler bug
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

namespace {

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate), formatted once per second per thread.
std::string_view current_http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[32] = {};
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    cached_second = now;
  }
  return text;
}

// What every response header carries, whatever frames its body.
template <typename Message>
void fill_header(Message& message, const http_response& response, unsigned version) {
  message.version(version);
  message.result(checked_status(response.status));
  message.set(http::field::date, current_http_date());  // origin servers with a clock send it
  if (!response.content_type.empty()) {
    message.set(http::field::content_type, response.content_type);
  }
  for (const auto& [name, value] : response.headers) {
    if (is_safe_header(name, value)) {
      message.insert(name, value);
    }
  }
}

}  // namespace

beast_header_only to_beast_header(const http_response& response, unsigned version) {
  beast_header_only message;
  fill_header(message, response, version);
  return message;
}

beast_response to_beast_response(http_response&& response, unsigned version, bool keep_alive,
                                 bool head) {
  beast_response message;
  fill_header(message, response, version);
  const auto status = message.result();
  if (status == http::status::no_content || status == http::status::not_modified) {
    response.body.clear();  // these never carry a body; Beast refuses to frame one
  }
  message.body() = std::move(response.body);
  message.prepare_payload();
  message.keep_alive(keep_alive && message.keep_alive());
  if (head) {
    message.body().clear();  // Content-Length still tells the GET body's size
  }
  return message;
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
