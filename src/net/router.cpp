#include "net/router.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>

#include "net/request_target.hpp"

namespace sentinelle {

router& router::add(std::string_view method, std::string_view pattern, http_handler handler) {
  route_pattern parsed(pattern);
  if (method.empty() || method.find_first_of(" \t\r\n") != std::string_view::npos) {
    throw std::invalid_argument("route \"" + std::string(pattern) + "\": bad method");
  }
  if (!handler) {
    throw std::invalid_argument("route \"" + std::string(pattern) + "\": no handler");
  }
  for (const auto& existing : routes_) {
    if (existing.method == method && existing.pattern.same_shape(parsed)) {
      throw std::invalid_argument("route " + std::string(method) + " \"" + std::string(pattern) +
                                  "\" repeats \"" + existing.pattern.text() + "\"");
    }
  }
  routes_.push_back(route{std::string(method), std::move(parsed), std::move(handler)});
  return *this;
}

std::vector<std::string> router::route_names() const {
  std::vector<std::string> names;
  names.reserve(routes_.size());
  for (const route& each : routes_) {
    names.push_back(each.method + " " + each.pattern.text());
  }
  return names;
}

responder router::observed(std::size_t route_index, responder reply) const {
  const auto started = std::chrono::steady_clock::now();
  return responder([observer = observer_, route_index, started,
                    inner = std::move(reply)](http_response response) {
    const auto elapsed = std::chrono::steady_clock::now() - started;
    observer->answered(route_index, response.status,
                       std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
    inner.send(std::move(response));
  });
}

void router::dispatch(http_request& request, responder reply) const {
  const auto segments = split_path(request.path);
  if (!segments) {
    if (observer_ != nullptr) {
      reply = observed(routes_.size(), std::move(reply));
    }
    reply.send(json_error(400, "bad_request", "the path holds a malformed percent escape"));
    return;
  }
  const route* chosen = find(request.method, *segments);
  if (chosen == nullptr && request.method == "HEAD") {
    chosen = find("GET", *segments);
  }
  if (observer_ != nullptr) {
    reply = observed(chosen != nullptr ? static_cast<std::size_t>(chosen - routes_.data())
                                       : routes_.size(),
                     std::move(reply));
  }
  if (chosen != nullptr) {
    request.path_params.clear();
    chosen->pattern.match(*segments, request.path_params);
    chosen->handler(request, std::move(reply));
    return;
  }
  std::string allow = allowed_methods(*segments);
  if (allow.empty()) {
    reply.send(json_error(404, "not_found", "no such resource"));
    return;
  }
  auto response =
      json_error(405, "method_not_allowed", "this resource does not accept that method");
  response.headers.emplace_back("Allow", std::move(allow));
  reply.send(std::move(response));
}

const router::route* router::find(std::string_view method,
                                  const std::vector<std::string>& segments) const {
  const route* best = nullptr;
  http_fields unused;
  for (const auto& candidate : routes_) {
    if (candidate.method == method && candidate.pattern.match(segments, unused) &&
        (best == nullptr || candidate.pattern.more_specific_than(best->pattern))) {
      best = &candidate;
    }
  }
  return best;
}

std::string router::allowed_methods(const std::vector<std::string>& segments) const {
  std::vector<std::string_view> methods;
  http_fields unused;
  for (const auto& candidate : routes_) {
    if (candidate.pattern.match(segments, unused)) {
      methods.push_back(candidate.method);
      if (candidate.method == "GET") {
        methods.emplace_back("HEAD");  // served by the GET handler
      }
    }
  }
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string allow;
  for (const auto method : methods) {
    allow.append(allow.empty() ? "" : ", ").append(method);
  }
  return allow;
}

}  // namespace sentinelle
