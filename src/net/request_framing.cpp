#include "net/request_framing.hpp"

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <vector>

namespace sentinelle {
namespace {

http_response bad_framing(std::string_view why) {
  return json_error(400, "bad_request", why);
}

}  // namespace

std::optional<http_response> check_framing(const beast_request& header) {
  const auto [first, last] = header.equal_range(http::field::transfer_encoding);
  if (first == last) {
    return std::nullopt;
  }
  if (header.count(http::field::content_length) > 0) {
    return bad_framing("Transfer-Encoding and Content-Length together");
  }
  if (header.version() < 11) {
    return bad_framing("Transfer-Encoding in an HTTP/1.0 request");
  }
  std::vector<beast::string_view> codings;  // every field's list, in order (RFC 9110 §5.3)
  for (auto field = first; field != last; ++field) {
    for (const auto coding : http::token_list(field->value())) {
      codings.push_back(coding);
    }
  }
  const auto is_chunked = [](beast::string_view coding) {
    return beast::iequals(coding, "chunked");
  };
  if (codings.empty() || !is_chunked(codings.back()) ||
      std::count_if(codings.begin(), codings.end(), is_chunked) != 1) {
    return bad_framing("Transfer-Encoding must end with chunked, once");
  }
  if (codings.size() > 1) {
    return json_error(501, "not_implemented", "only the chunked transfer coding is supported");
  }
  return std::nullopt;
}

}  // namespace sentinelle
