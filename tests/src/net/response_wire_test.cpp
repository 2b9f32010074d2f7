#include "net/response_wire.hpp"

#include <gtest/gtest.h>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace sentinelle {
namespace {

// The response as Beast serialised it before to_wire replaced its serializer: the oracle.
std::string beast_bytes(const http_response& response, unsigned version, bool keep_alive,
                        bool head) {
  http::response<http::string_body> message;
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
  if (message.result() == http::status::no_content ||
      message.result() == http::status::not_modified) {
    bytes = std::regex_replace(bytes, std::regex("Content-Length: 0\r\n"), "");
  }
  return bytes;
}

// Both sides read the clock: a second may turn between them.
std::string without_date(const std::string& bytes) {
  return std::regex_replace(bytes, std::regex("Date: [^\r]*\r\n"), "Date: -\r\n");
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

TEST(ResponseWire, DatesTheResponseInIMFFixdate) {
  const std::string header = to_wire(json_response(200, "{}"), 11, true, false).header;
  EXPECT_TRUE(std::regex_search(
      header, std::regex("\r\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
                         "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9][0-9] "
                         "[0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT\r\n")))
      << header;
}

}  // namespace
}  // namespace sentinelle
