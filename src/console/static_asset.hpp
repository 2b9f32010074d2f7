#pragma once

#include <string_view>

#include "net/http_request.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

// One file of the console, embedded in the binary at build time (embed_assets.cmake).
struct static_asset {
  std::string_view name;          // "console.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view etag;          // quoted digest of the body: "\"3f2a…\""
  std::string_view body;
};

// The policy every console response carries: scripts, styles, images and connections from this
// origin only, no inline script or style, no framing, no plugins.
inline constexpr std::string_view console_content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

// 200 with the asset, or 304 when the request's If-None-Match already names its ETag. Either way
// with Cache-Control `no-cache` (revalidate each time, so an upgraded binary's assets are seen
// at once) and the security headers above.
http_response static_asset_response(const static_asset& asset, const http_request& request);

}  // namespace sentinelle
