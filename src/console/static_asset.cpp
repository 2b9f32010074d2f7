#include "console/static_asset.hpp"

namespace sentinelle {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// If-None-Match is `*` or a comma-separated list of tags, possibly weak (W/"…"): RFC 9110
// compares them weakly for GET, so the W/ prefix is ignored.
bool matches_etag(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    auto candidate = trimmed(if_none_match.substr(0, comma));
    if (candidate.starts_with("W/")) {
      candidate.remove_prefix(2);
    }
    if (candidate == "*" || candidate == etag) {
      return true;
    }
    if (comma == std::string_view::npos) {
      break;
    }
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

http_response static_asset_response(const static_asset& asset, const http_request& request) {
  http_response response;
  response.headers.emplace_back("ETag", std::string(asset.etag));
  response.headers.emplace_back("Cache-Control", "no-cache");
  response.headers.emplace_back("Content-Security-Policy",
                                std::string(console_content_security_policy));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  const auto if_none_match = request.header("If-None-Match");
  if (if_none_match && matches_etag(*if_none_match, asset.etag)) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = std::string(asset.content_type);
  response.body = std::string(asset.body);
  return response;
}

}  // namespace sentinelle
