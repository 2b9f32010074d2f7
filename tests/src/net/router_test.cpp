#include "net/router.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>

namespace sentinelle {
namespace {

// Dispatches synchronously and returns what the router or the handler answered.
http_response route(const router& routes, std::string method, std::string path) {
  std::optional<http_response> answer;
  http_request request;
  request.method = std::move(method);
  request.path = std::move(path);
  routes.dispatch(request, responder([&](http_response r) { answer = std::move(r); }));
  return answer.value_or(http_response{});
}

// A handler answering "<name>:<params>" so tests see which route ran, with what.
http_handler named(std::string name) {
  return [name](const http_request& request, const responder& reply) {
    std::string body = name;
    for (const auto& [key, value] : request.path_params) {
      body += ":" + key + "=" + value;
    }
    reply.send(json_response(200, body));
  };
}

TEST(router, passes_decoded_path_params) {
  router routes;
  routes.add("POST", "/v1/alerts/{id}/resolve", named("resolve"));
  routes.add("GET", "/v1/{kind}/{id}", named("event"));
  EXPECT_EQ(route(routes, "POST", "/v1/alerts/al-9/resolve").body, "resolve:id=al-9");
  EXPECT_EQ(route(routes, "GET", "/v1/surveys/srv%20001").body, "event:kind=surveys:id=srv 001");
}

TEST(router, literal_segments_beat_parameters) {
  router routes;
  routes.add("GET", "/v1/alerts/{id}", named("one"));
  routes.add("GET", "/v1/alerts/stats", named("stats"));
  EXPECT_EQ(route(routes, "GET", "/v1/alerts/stats").body, "stats");
  EXPECT_EQ(route(routes, "GET", "/v1/alerts/a-1").body, "one:id=a-1");
}

TEST(router, unknown_path_is_404_json) {
  router routes;
  routes.add("GET", "/healthz", named("health"));
  const auto response = route(routes, "GET", "/nope");
  EXPECT_EQ(response.status, 404U);
  EXPECT_EQ(response.body, R"({"error":{"code":"not_found","message":"no such resource"}})");
  EXPECT_EQ(route(routes, "GET", "/healthz/").status, 404U);  // no trailing-slash folding
}

TEST(router, wrong_method_is_405_with_allow) {
  router routes;
  routes.add("GET", "/v1/surveys/{id}", named("get"));
  routes.add("DELETE", "/v1/surveys/{id}", named("delete"));
  const auto response = route(routes, "PUT", "/v1/surveys/s1");
  EXPECT_EQ(response.status, 405U);
  EXPECT_EQ(find_field(response.headers, "Allow", true), "DELETE, GET, HEAD");
  EXPECT_NE(response.body.find(R"("code":"method_not_allowed")"), std::string::npos);
}

TEST(router, head_runs_the_get_handler) {
  router routes;
  routes.add("GET", "/", named("root"));
  EXPECT_EQ(route(routes, "HEAD", "/").body, "root");
}

TEST(router, parameters_never_match_empty_segments) {
  router routes;
  routes.add("GET", "/v1/surveys/{id}", named("get"));
  EXPECT_EQ(route(routes, "GET", "/v1/surveys/").status, 404U);
  EXPECT_EQ(route(routes, "GET", "/v1/surveys//x").status, 404U);
}

TEST(router, bad_escape_in_path_is_400) {
  router routes;
  routes.add("GET", "/v1/surveys/{id}", named("get"));
  const auto response = route(routes, "GET", "/v1/surveys/%zz");
  EXPECT_EQ(response.status, 400U);
  EXPECT_NE(response.body.find(R"("code":"bad_request")"), std::string::npos);
}

TEST(router, rejects_malformed_patterns_at_start_up) {
  router routes;
  const http_handler handler = named("x");
  EXPECT_THROW(routes.add("GET", "v1/x", handler), std::invalid_argument);
  EXPECT_THROW(routes.add("GET", "/v1/{}", handler), std::invalid_argument);
  EXPECT_THROW(routes.add("GET", "/v1/x{id}", handler), std::invalid_argument);
  EXPECT_THROW(routes.add("GET", "/{id}/{id}", handler), std::invalid_argument);
  EXPECT_THROW(routes.add("", "/v1/x", handler), std::invalid_argument);
  EXPECT_THROW(routes.add("GET", "/v1/x", http_handler{}), std::invalid_argument);
}

TEST(router, rejects_a_route_that_repeats_another) {
  router routes;
  routes.add("GET", "/v1/alerts/{id}", named("a"));
  EXPECT_THROW(routes.add("GET", "/v1/alerts/{alert}", named("b")), std::invalid_argument);
  EXPECT_NO_THROW(routes.add("POST", "/v1/alerts/{id}", named("c")));
}

}  // namespace
}  // namespace sentinelle
