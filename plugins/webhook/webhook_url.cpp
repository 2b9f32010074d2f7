#include "webhook/webhook_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

namespace sentinelle {
namespace {

namespace urls = boost::urls;

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

// The host as the resolver wants it: a registered name or an IPv4/IPv6 address (no brackets).
std::string host_of(const urls::url_view& url) {
  if (url.host_type() == urls::host_type::ipv6) {
    return std::string(url.encoded_host_address());
  }
  return std::string(url.host_address());
}

}  // namespace

std::string webhook_url::host_header() const {
  std::string header = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != (tls ? 443 : 80)) {
    header += ":" + std::to_string(port);
  }
  return header;
}

std::optional<webhook_url> parse_webhook_url(std::string_view text, std::string& error) {
  const auto parsed = urls::parse_uri(text);
  if (!parsed) {
    error = "is not a valid URL";
    return std::nullopt;
  }
  const urls::url_view& url = *parsed;
  webhook_url result;
  if (url.scheme_id() == urls::scheme::https) {
    result.tls = true;
  } else if (url.scheme_id() != urls::scheme::http) {
    error = "must start with http:// or https://";
    return std::nullopt;
  }
  if (url.has_userinfo()) {
    error = "must not contain credentials";
    return std::nullopt;
  }
  result.host = host_of(url);
  if (result.host.empty() || url.host_type() == urls::host_type::ipvfuture) {
    error = "must name a host";
    return std::nullopt;
  }
  const auto port = url.has_port() ? parse_port(url.port()) : (result.tls ? 443 : 80);
  if (!port) {
    error = "has a port that is not 1-65535";
    return std::nullopt;
  }
  result.port = *port;
  result.target = url.encoded_path().empty() ? "/" : std::string(url.encoded_path());
  if (url.has_query()) {
    result.target += "?" + std::string(url.encoded_query());
  }
  return result;
}

}  // namespace sentinelle
