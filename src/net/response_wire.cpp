#include "net/response_wire.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <charconv>
#include <ctime>

namespace sentinelle {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.append(": ");
  out.append(value);
  out.append("\r\n");
}

void append_status_line(std::string& out, unsigned version, unsigned status) {
  out.append("HTTP/");
  out.push_back(static_cast<char>('0' + version / 10 % 10));
  out.push_back('.');
  out.push_back(static_cast<char>('0' + version % 10));
  out.push_back(' ');
  char digits[4];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, status).ptr);
  out.push_back(' ');
  const auto reason = http::obsolete_reason(http::int_to_status(status));
  out.append(reason.data(), reason.size());
  out.append("\r\n");
}

bool carries_no_body(unsigned status) {
  return status == 204 || status == 304;  // 1xx never leave sendable_status
}

}  // namespace

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

bool is_sendable_header(std::string_view name, std::string_view value) {
  constexpr std::string_view breaks("\r\n\0", 3);
  if (name.empty() || name.find(':') != std::string_view::npos ||
      name.find_first_of(breaks) != std::string_view::npos ||
      value.find_first_of(breaks) != std::string_view::npos) {
    return false;
  }
  for (const std::string_view framing : {"Content-Length", "Transfer-Encoding", "Connection"}) {
    if (beast::iequals(name, framing)) {
      return false;
    }
  }
  return true;
}

unsigned sendable_status(unsigned status) {
  return status >= 200 && status <= 599 ? status : 500;
}

namespace {

// What every response header carries, whatever frames its body: the status line, Date,
// Content-Type and the handler's sendable headers.
std::string header_start(const http_response& response, unsigned version, unsigned status) {
  std::string header;
  header.reserve(128 + response.content_type.size());
  append_status_line(header, version, status);
  append_field(header, "Date", current_http_date());
  if (!response.content_type.empty()) {
    append_field(header, "Content-Type", response.content_type);
  }
  for (const auto& [name, value] : response.headers) {
    if (is_sendable_header(name, value)) {
      append_field(header, name, value);
    }
  }
  return header;
}

}  // namespace

response_wire to_wire(http_response&& response, unsigned version, bool keep_alive, bool head) {
  response_wire wire;
  wire.status = sendable_status(response.status);
  // An HTTP/1.0 client keeps the connection only when the response says keep-alive, and we
  // never do: one request a connection, as Beast's own keep_alive() decided before.
  wire.keep_alive = keep_alive && version >= 11;
  wire.header = header_start(response, version, wire.status);
  if (!carries_no_body(wire.status)) {
    char digits[24];
    append_field(wire.header, "Content-Length",
                 {digits, std::to_chars(digits, digits + sizeof digits, response.body.size()).ptr});
    if (!head) {
      wire.body = std::move(response.body);
    }
  }
  if (!wire.keep_alive && version >= 11) {
    append_field(wire.header, "Connection", "close");
  }
  wire.header.append("\r\n");
  return wire;
}

std::string stream_header(const http_response& response, unsigned version, bool chunked) {
  std::string header = header_start(response, version, sendable_status(response.status));
  if (chunked) {
    append_field(header, "Transfer-Encoding", "chunked");
  }
  if (version >= 11) {
    append_field(header, "Connection", "close");  // HTTP/1.0 closes unless told otherwise
  }
  header.append("\r\n");
  return header;
}

}  // namespace sentinelle
