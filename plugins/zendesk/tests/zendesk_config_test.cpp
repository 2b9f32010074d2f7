// [plugins.zendesk]: keys and field paths checked at start, and the channel table.
#include "zendesk/zendesk_fields.hpp"
#include "zendesk/zendesk_rating.hpp"
#include "zendesk_test_support.hpp"

namespace sentinelle::zendesk_testing {
namespace {

TEST(ZendeskConfiguration, DefaultsWorkAndMistakesNameTheKey) {
  const auto created = [](settings_map values) {
    return plugin_harness(tokens()).create("zendesk", std::move(values));
  };
  EXPECT_EQ(created({}), "");
  EXPECT_EQ(created({{"signing_secret", std::string(signing_secret)},
                     {"secret", std::string(whsec)},
                     {"fields.score", std::string("/csat/note")},
                     {"fields.team_id", std::string()}}),
            "");
  EXPECT_EQ(created({{"fields.scor", std::string("x")}}),
            "plugins.zendesk.fields.scor: unknown key");
  EXPECT_EQ(created({{"fields.comment", std::int64_t{3}}}),
            "plugins.zendesk.fields.comment: expects a string, got an integer");
  EXPECT_EQ(created({{"fields.score", std::string("csat..note")}}),
            "plugins.zendesk.fields.score: \"csat..note\" is neither a JSON pointer (\"/a/b\") "
            "nor a dotted path (\"a.b\")");
  EXPECT_NE(
      created({{"fields.agent_id", std::string("/a~2")}}).find("plugins.zendesk.fields.agent_id"),
      std::string::npos);
  EXPECT_EQ(created({{"fields.rating_id", std::string()}}),
            "plugins.zendesk.fields.rating_id: required, a rating means nothing without it");
  EXPECT_EQ(created({{"secret", std::string("whsec_!!")}}).rfind("plugins.zendesk.secret: ", 0),
            0U);
}

TEST(ZendeskFieldPaths, DottedPathsBecomeJsonPointers) {
  EXPECT_EQ(zendesk::to_json_pointer("satisfaction_rating.id"), "/satisfaction_rating/id");
  EXPECT_EQ(zendesk::to_json_pointer("a/b.c~d.0"), "/a~1b/c~0d/0");
  EXPECT_EQ(zendesk::to_json_pointer("/tickets/0/via"), "/tickets/0/via");
  EXPECT_EQ(zendesk::to_json_pointer("/a~1b~0"), "/a~1b~0");
  for (const char* malformed : {".a", "a.", "a..b", "/a~", "/a~2"}) {
    EXPECT_EQ(zendesk::to_json_pointer(malformed), std::nullopt) << malformed;
  }
}

TEST(ZendeskChannels, ViaNamesAndLabelsBecomeChannels) {
  const std::vector<std::pair<std::string, std::string>> table{
      {"Mail", "email"},      {"email", "email"}, {"Phone call (incoming)", "voice"},
      {"voice", "voice"},     {"Chat", "chat"},   {"native_messaging", "chat"},
      {"Web Widget", "chat"}, {"sms", "sms"},     {"facebook", "social"},
      {"Web Form", "other"},  {"api", "other"},   {"", ""}};
  for (const auto& [via, channel] : table) {
    EXPECT_EQ(zendesk::channel_of(via), channel) << via;
  }
}

}  // namespace
}  // namespace sentinelle::zendesk_testing
