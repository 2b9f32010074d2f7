#include "net/response_wire.hpp"

#include <gtest/gtest.h>

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

namespace sentinelle {
namespace {

// The fields every Beast-built response carried, as the server filled them before to_wire.
template <typename Message>
void fill_beast_header(Message& message, const http_response& response, unsigned version) {
  message.version(version);
  message.result(sendable_status(response.status));
  message.set(http::field::date, current_http_date());
  if (!response.content_type.empty()) {
    message.set(http::field::content_type, response.content_type);
  }
  for (const auto& [name, value] : response.headers) {
    if (is_sendable_header(name, value)) {
      message.insert(name, value);
    }
  }
}

// The response as Beast serialised it before to_wire replaced its serializer: the oracle.
std::string beast_bytes(const http_response& response, unsigned version, bool keep_alive,
                        bool head) {
  http::response<http::string_body> message;
  fill_beast_header(message, response, version);
  if (message.result() == http::status::no_content ||
      message.result() == http::status::not_modified) {
    message.body().clear();
  } else {
    message.body() = response.body;
  }
  message.prepare_payload();
  message.keep_alive(keep_alive && message.keep_alive());
  if (head) {
    message.body().clear();
  }
  std::ostringstream out;
  out << message;
  std::string bytes = out.str();
  // The one difference kept on purpose: RFC 9110 §8.6 forbids Content-Length on a 204, and on
  // a 304 it must be the 200's, which Beast's "0" was not.
  constexpr std::string_view zero_length = "Content-Length: 0\r\n";
  const std::size_t at = bytes.find(zero_length);
  if ((message.result() == http::status::no_content ||
       message.result() == http::status::not_modified) &&
      at != std::string::npos) {
    bytes.erase(at, zero_length.size());
  }
  return bytes;
}

// The value of the Date field: [start, end) in `bytes`, or npos when there is none.
std::pair<std::size_t, std::size_t> date_value(const std::string& bytes) {
  const std::size_t field = bytes.find("\r\nDate: ");
  if (field == std::string::npos) {
    return {std::string::npos, std::string::npos};
  }
  return {field + 8, bytes.find("\r\n", field + 8)};
}

// Both sides read the clock: a second may turn between them. (No std::regex in this file:
// GCC 12 warns inside it under the sanitizers' flags.)
std::string without_date(std::string bytes) {
  const auto [start, end] = date_value(bytes);
  if (start != std::string::npos) {
    bytes.replace(start, end - start, "-");
  }
  return bytes;
}

std::string wire_bytes(http_response response, unsigned version, bool keep_alive, bool head) {
  const response_wire wire = to_wire(std::move(response), version, keep_alive, head);
  return wire.header + wire.body;
}

TEST(ResponseWire, WritesTheBytesBeastWrote) {
  std::vector<http_response> responses;
  for (const unsigned status : {200U, 201U, 204U, 304U, 401U, 404U, 413U, 426U, 503U, 599U}) {
    for (const std::string& body :
         {std::string(), std::string(R"({"accepted":1})"), std::string(70'000, 'x')}) {
      http_response response;
      response.status = status;
      response.body = body;
      responses.push_back(response);
      response.content_type.clear();
      responses.push_back(response);
      response.content_type = "text/html; charset=utf-8";
      // Beast grouped repeated names together; to_wire keeps the handler's order (the same
      // here, where repeats are adjacent).
      response.headers = {{"Retry-After", "1"},
                          {"retry-after", "2"},
                          {"WWW-Authenticate", "Bearer"},
                          {"X-Empty", ""}};
      responses.push_back(response);
    }
  }
  int compared = 0;
  for (const http_response& response : responses) {
    for (const unsigned version : {10U, 11U}) {
      for (const bool keep_alive : {false, true}) {
        for (const bool head : {false, true}) {
          const std::string expected = beast_bytes(response, version, keep_alive, head);
          ASSERT_EQ(without_date(wire_bytes(response, version, keep_alive, head)),
                    without_date(expected))
              << "status " << response.status << " version " << version << " keep-alive "
              << keep_alive << " head " << head;
          ++compared;
        }
      }
    }
  }
  EXPECT_EQ(compared, 720);
}

// A streamed response's header (SSE), as Beast serialised it before stream_header replaced it.
std::string beast_stream_header(const http_response& response, unsigned version, bool chunked) {
  http::response<http::empty_body> message;
  fill_beast_header(message, response, version);
  message.chunked(chunked);
  message.keep_alive(false);
  std::ostringstream out;
  out << message.base();
  return out.str();
}

TEST(ResponseWire, WritesAStreamHeaderAsBeastDid) {
  http_response response;
  response.content_type = "text/event-stream";
  response.headers = {
      {"Cache-Control", "no-store"}, {"X-Accel-Buffering", "no"}, {"X-Bad", "a\r\nb"}};
  for (const unsigned version : {10U, 11U}) {
    const bool chunked = version >= 11;
    EXPECT_EQ(without_date(stream_header(response, version, chunked)),
              without_date(beast_stream_header(response, version, chunked)))
        << version;
  }
  EXPECT_EQ(without_date(stream_header(response, 11, true)),
            "HTTP/1.1 200 OK\r\nDate: -\r\nContent-Type: text/event-stream\r\n"
            "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
}

TEST(ResponseWire, SaysWhetherTheConnectionStays) {
  EXPECT_TRUE(to_wire(json_response(200, "{}"), 11, true, false).keep_alive);
  EXPECT_FALSE(to_wire(json_response(200, "{}"), 11, false, false).keep_alive);
  EXPECT_FALSE(to_wire(json_response(200, "{}"), 10, true, false).keep_alive);  // HTTP/1.0
}

TEST(ResponseWire, SendsAStatusOutOfRangeAs500) {
  for (const unsigned status : {0U, 100U, 199U, 600U, 1000U}) {
    http_response response = json_response(status, "{}");
    const response_wire wire = to_wire(std::move(response), 11, true, false);
    EXPECT_EQ(wire.status, 500U);
    EXPECT_EQ(wire.header.rfind("HTTP/1.1 500 Internal Server Error\r\n", 0), 0U) << status;
  }
}

TEST(ResponseWire, LeavesOutUnsafeAndFramingHeaders) {
  http_response response = json_response(200, R"({"ok":true})");
  response.headers = {{"X-Split", "a\r\nSet-Cookie: b"},
                      {"X-Nul", std::string("a\0b", 3)},
                      {"Bad:Name", "v"},
                      {"", "v"},
                      {"content-length", "999"},
                      {"Transfer-Encoding", "chunked"},
                      {"Connection", "keep-alive"},
                      {"Allow", "GET, HEAD"}};
  const std::string bytes = wire_bytes(std::move(response), 11, false, false);
  EXPECT_EQ(without_date(bytes),
            "HTTP/1.1 200 OK\r\nDate: -\r\nContent-Type: application/json\r\n"
            "Allow: GET, HEAD\r\nContent-Length: 11\r\nConnection: close\r\n\r\n"
            R"({"ok":true})");
}

// "Sun, 06 Nov 1994 08:49:37 GMT", RFC 9110's IMF-fixdate, checked character by character.
bool is_imf_fixdate(std::string_view date) {
  constexpr std::string_view shape = "Www, 00 Mmm 0000 00:00:00 GMT";
  if (date.size() != shape.size()) {
    return false;
  }
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const auto c = static_cast<unsigned char>(date[i]);
    const bool fits = shape[i] == '0'                      ? std::isdigit(c) != 0
                      : shape[i] == 'W' || shape[i] == 'M' ? std::isupper(c) != 0
                      : shape[i] == 'w' || shape[i] == 'm' ? std::islower(c) != 0
                                                           : date[i] == shape[i];
    if (!fits) {
      return false;
    }
  }
  constexpr std::string_view days = "Mon Tue Wed Thu Fri Sat Sun";
  constexpr std::string_view months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
  return days.find(date.substr(0, 3)) != std::string_view::npos &&
         months.find(date.substr(8, 3)) != std::string_view::npos;
}

TEST(ResponseWire, DatesTheResponseInIMFFixdate) {
  const std::string header = to_wire(json_response(200, "{}"), 11, true, false).header;
  const auto [start, end] = date_value(header);
  ASSERT_NE(start, std::string::npos) << header;
  EXPECT_TRUE(is_imf_fixdate(std::string_view(header).substr(start, end - start))) << header;
  EXPECT_TRUE(is_imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT"));
  EXPECT_FALSE(is_imf_fixdate("Sunday, 06-Nov-94 08:49:37 GMT"));
  EXPECT_FALSE(is_imf_fixdate("Sun, 06 Nov 1994 08:49:37 UTC"));
  EXPECT_FALSE(is_imf_fixdate("Sun, 06 Now 1994 08:49:37 GMT"));
}

}  // namespace
}  // namespace sentinelle
