#include "net/request_target.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

TEST(request_target, splits_path_and_decodes_query) {
  std::string path;
  http_fields query;
  ASSERT_TRUE(parse_target("/v1/scores?from=2026-11-01&group_by=agent_id&q=a+b%26c", path, query));
  EXPECT_EQ(path, "/v1/scores");
  const http_fields expected{{"from", "2026-11-01"}, {"group_by", "agent_id"}, {"q", "a b&c"}};
  EXPECT_EQ(query, expected);
}

TEST(request_target, keeps_repeats_and_names_without_values) {
  std::string path;
  http_fields query;
  ASSERT_TRUE(parse_target("/x?team_id=t1&team_id=t2&flag&&=v", path, query));
  const http_fields expected{{"team_id", "t1"}, {"team_id", "t2"}, {"flag", ""}, {"", "v"}};
  EXPECT_EQ(query, expected);
}

TEST(request_target, path_without_query) {
  std::string path;
  http_fields query{{"stale", "1"}};
  ASSERT_TRUE(parse_target("/healthz", path, query));
  EXPECT_EQ(path, "/healthz");
  EXPECT_TRUE(query.empty());
}

TEST(request_target, rejects_bad_escapes_and_non_origin_forms) {
  std::string path;
  http_fields query;
  EXPECT_FALSE(parse_target("/x?a=%zz", path, query));
  EXPECT_FALSE(parse_target("/x?a=%4", path, query));
  EXPECT_FALSE(parse_target("http://example.com/x", path, query));
  EXPECT_FALSE(parse_target("*", path, query));
  EXPECT_FALSE(parse_target("", path, query));
}

TEST(request_target, percent_decode_plus_only_in_forms) {
  EXPECT_EQ(percent_decode("a+b%2Bc", true), "a b+c");
  EXPECT_EQ(percent_decode("a+b%2bc", false), "a+b+c");
  EXPECT_EQ(percent_decode("%C3%A9t%C3%A9", false), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(percent_decode("50%", false), std::nullopt);
}

TEST(request_target, split_path_decodes_each_segment) {
  using segments = std::vector<std::string>;
  EXPECT_EQ(split_path("/"), segments{""});
  EXPECT_EQ(split_path("/v1/surveys/srv%20001"), (segments{"v1", "surveys", "srv 001"}));
  EXPECT_EQ(split_path("/a%2Fb/c"), (segments{"a/b", "c"}));  // an encoded '/' stays inside
  EXPECT_EQ(split_path("/v1/"), (segments{"v1", ""}));
  EXPECT_EQ(split_path("/bad%g0"), std::nullopt);
  EXPECT_EQ(split_path("relative"), std::nullopt);
}

}  // namespace
}  // namespace sentinelle
