#include "console/console_routes.hpp"

#include <algorithm>
#include <stdexcept>

#include "console/embedded_assets.hpp"
#include "console/static_asset.hpp"

namespace sentinelle {
namespace {

const static_asset* find_asset(std::string_view name) {
  const auto& assets = generated::console_assets;
  const auto* const found =
      std::find_if(assets.begin(), assets.end(),
                   [name](const static_asset& asset) { return asset.name == name; });
  return found == assets.end() ? nullptr : found;
}

}  // namespace

void add_console_routes(router& routes) {
  const static_asset* page = find_asset("index.html");
  if (page == nullptr) {
    throw std::logic_error("the console was built without its index.html");
  }
  routes.add("GET", "/", [page](const http_request& request, const responder& reply) {
    reply.send(static_asset_response(*page, request));
  });
  routes.add("GET", "/console/{file}", [](const http_request& request, const responder& reply) {
    const static_asset* asset = find_asset(request.path_param("file"));
    if (asset == nullptr) {
      reply.send(json_error(404, "not_found", "no such console file"));
      return;
    }
    reply.send(static_asset_response(*asset, request));
  });
}

}  // namespace sentinelle
