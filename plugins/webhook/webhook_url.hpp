#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sentinelle {

// A sink's URL, split into what the HTTP client needs.
struct webhook_url {
  bool tls = false;        // https
  std::string host;        // a name or an IP address, IPv6 without brackets: what to resolve
  std::uint16_t port = 0;  // explicit, else 80 / 443
  std::string target;      // encoded path and query, "/" when the URL has no path

  // The Host header: brackets around IPv6, and the port when it is not the scheme's default.
  std::string host_header() const;
};

// nullopt and `error` for anything but http(s)://host[:port][/path][?query][#fragment] (the
// fragment is dropped, as a client never sends it). Credentials in the URL are refused: they
// would end up in logs and config dumps; use the signature instead.
std::optional<webhook_url> parse_webhook_url(std::string_view text, std::string& error);

}  // namespace sentinelle
