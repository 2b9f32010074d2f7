#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_request.hpp"
#include "net/responder.hpp"
#include "net/route_observer.hpp"
#include "net/route_pattern.hpp"

namespace sentinelle {

// A request handler: reads the request, answers through the responder, now or later, from any
// thread. The request stays valid until the response is sent.
using http_handler = std::function<void(const http_request&, responder)>;

// Routes by method and path pattern. Built once at start-up, then only read (dispatch is const
// and safe from every server thread at once; the handlers must be too).
// - unknown path: 404 `not_found`; known path, other method: 405 `method_not_allowed` + Allow;
// - a HEAD request without its own route runs the GET handler (the session drops the body);
// - a path with a bad percent escape: 400 `bad_request`.
class router {
 public:
  // Throws std::invalid_argument on a bad pattern, an empty method or handler, or a route
  // that repeats one already added (same method and same pattern shape).
  router& add(std::string_view method, std::string_view pattern, http_handler handler);

  // Fills `request.path_params` and calls the matching handler, or answers the error itself.
  void dispatch(http_request& request, responder reply) const;

  // Reports every answer to `observer` (which must outlive the router); nullptr stops.
  void observe(route_observer* observer) { observer_ = observer; }
  // "POST /v1/surveys", … in the order added: the routes an observer's indexes name.
  std::vector<std::string> route_names() const;

 private:
  struct route {
    std::string method;
    route_pattern pattern;
    http_handler handler;
  };

  const route* find(std::string_view method, const std::vector<std::string>& segments) const;
  std::string allowed_methods(const std::vector<std::string>& segments) const;

  // The responder that tells the observer of the answer before passing it on.
  responder observed(std::size_t route, responder reply) const;

  std::vector<route> routes_;
  route_observer* observer_ = nullptr;
};

}  // namespace sentinelle
