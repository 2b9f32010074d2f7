#include "console/console_routes.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "console/static_asset.hpp"

namespace sentinelle {
namespace {

class console_routes_test : public ::testing::Test {
 protected:
  console_routes_test() { add_console_routes(routes_); }

  http_response get(std::string path, http_fields headers = {}) const {
    std::optional<http_response> answer;
    http_request request;
    request.method = "GET";
    request.path = std::move(path);
    request.headers = std::move(headers);
    routes_.dispatch(request, responder([&](http_response r) { answer = std::move(r); }));
    return answer.value_or(http_response{});
  }

  router routes_;
};

std::string header(const http_response& response, std::string_view name) {
  return std::string(find_field(response.headers, name, true).value_or(""));
}

TEST_F(console_routes_test, serves_the_page_at_the_root) {
  const auto page = get("/");
  EXPECT_EQ(page.status, 200u);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find(R"(<html lang="fr">)"), std::string::npos);
  EXPECT_NE(page.body.find(R"(src="/console/console.js")"), std::string::npos);
}

TEST_F(console_routes_test, every_response_carries_the_policy_and_the_cache_headers) {
  for (const char* path : {"/", "/console/console.js", "/console/console.css"}) {
    const auto response = get(path);
    SCOPED_TRACE(path);
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(header(response, "Content-Security-Policy"), console_content_security_policy);
    EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
    EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
    const auto etag = header(response, "ETag");
    ASSERT_GE(etag.size(), 3u);
    EXPECT_EQ(etag.front(), '"');
    EXPECT_EQ(etag.back(), '"');
  }
}

TEST_F(console_routes_test, the_policy_allows_this_origin_only) {
  const std::string_view policy = console_content_security_policy;
  EXPECT_NE(policy.find("default-src 'none'"), std::string_view::npos);
  EXPECT_NE(policy.find("script-src 'self'"), std::string_view::npos);
  EXPECT_NE(policy.find("connect-src 'self'"), std::string_view::npos);
  EXPECT_EQ(policy.find("unsafe"), std::string_view::npos);
  EXPECT_EQ(policy.find("http"), std::string_view::npos);
}

TEST_F(console_routes_test, gives_each_kind_of_file_its_content_type) {
  EXPECT_EQ(get("/console/console.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/console/console.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(get("/console/favicon.svg").content_type, "image/svg+xml");
}

TEST_F(console_routes_test, answers_304_when_the_browser_has_the_same_version) {
  const auto etag = header(get("/console/console.js"), "ETag");
  for (const std::string& if_none_match :
       {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    SCOPED_TRACE(if_none_match);
    const auto again = get("/console/console.js", {{"If-None-Match", if_none_match}});
    EXPECT_EQ(again.status, 304u);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(header(again, "ETag"), etag);
  }
  const auto changed = get("/console/console.js", {{"If-None-Match", "\"older\""}});
  EXPECT_EQ(changed.status, 200u);
  EXPECT_FALSE(changed.body.empty());
}

TEST_F(console_routes_test, files_differ_in_their_etags) {
  EXPECT_NE(header(get("/console/console.js"), "ETag"),
            header(get("/console/console.css"), "ETag"));
}

TEST_F(console_routes_test, an_unknown_file_is_a_json_404) {
  const auto missing = get("/console/nothing.js");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_NE(missing.body.find("not_found"), std::string::npos);
}

// Every module a script imports ("from './x.js'") is embedded: a file left out of assets/
// would break the page only in a browser.
TEST_F(console_routes_test, every_imported_module_is_served) {
  std::set<std::string> seen;
  std::vector<std::string> pending{"console.js"};
  while (!pending.empty()) {
    const std::string name = pending.back();
    pending.pop_back();
    if (!seen.insert(name).second) {
      continue;
    }
    const auto script = get("/console/" + name);
    ASSERT_EQ(script.status, 200u) << name;
    constexpr std::string_view marker = "from './";
    for (auto at = script.body.find(marker); at != std::string::npos;
         at = script.body.find(marker, at + 1)) {
      const auto start = at + marker.size();
      pending.push_back(script.body.substr(start, script.body.find('\'', start) - start));
    }
  }
  EXPECT_GE(seen.size(), 5u);
}

}  // namespace
}  // namespace sentinelle
