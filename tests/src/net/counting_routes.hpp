#pragma once

#include <atomic>
#include <string>

#include "net/router.hpp"

namespace sentinelle::testing {

// POST /ingest answers the body's size, GET /hello "hello"; both count their calls, so that a
// test can check that a refused request never reached its handler.
struct counting_routes {
  std::atomic<int> calls{0};

  router make() {
    router routes;
    routes.add("POST", "/ingest", [this](const http_request& request, const responder& reply) {
      ++calls;
      reply.send(json_response(200, std::to_string(request.body.size())));
    });
    routes.add("GET", "/hello", [this](const http_request&, const responder& reply) {
      ++calls;
      reply.send(json_response(200, "hello"));
    });
    return routes;
  }
};

}  // namespace sentinelle::testing
