#include "ingest/event_parser.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

class EventParserTest : public ::testing::Test {
 protected:
  parsed_events surveys(std::string_view body, bool ndjson = false) {
    return parser_.parse(body, ndjson, event_kind::survey, "api", 1000);
  }
  parsed_events messages(std::string_view body) {
    return parser_.parse(body, false, event_kind::message, "api", 1000);
  }
  static std::string fields_of(const parsed_events& result) {
    std::string fields;
    for (const auto& problem : result.details) {
      fields += std::to_string(problem.index) + ":" + problem.field + " ";
    }
    return fields;
  }
  event_parser parser_;
};

TEST_F(EventParserTest, ReadsACompleteSurvey) {
  const auto result = surveys(R"({"id":"srv-1","submitted_at":"2026-11-20T14:03:00+01:00",
    "channel":"voice","touchpoint":"after_call","agent_id":"a-17","team_id":"t-3",
    "queue":"facturation","customer_id":"c-9","interaction_id":"call-5","language":"fr",
    "nps":3,"csat":2,"ces":6,"comment":"Attente interminable","extra":{"ignored":true}})");
  ASSERT_TRUE(result.ok()) << result.message;
  ASSERT_EQ(result.events.size(), 1U);
  const event& e = result.events[0];
  EXPECT_EQ(e.id, "srv-1");
  EXPECT_EQ(e.occurred_at_ms, 1795179780000);
  EXPECT_EQ(e.channel, "voice");
  EXPECT_EQ(e.queue, "facturation");
  EXPECT_EQ(e.nps, 3);
  EXPECT_EQ(e.ces, 6);
  EXPECT_EQ(e.verbatim, "Attente interminable");
  EXPECT_EQ(e.received_at_ms, 1000);
}

TEST_F(EventParserTest, ReadsArraysAndNdjson) {
  EXPECT_EQ(surveys(R"([{"id":"a","nps":1},{"id":"b","nps":2}])").events.size(), 2U);
  const auto lines = surveys("{\"id\":\"a\",\"nps\":1}\n\n{\"id\":\"b\",\"csat\":5}\n", true);
  ASSERT_TRUE(lines.ok()) << lines.message;
  EXPECT_EQ(lines.events.size(), 2U);
}

TEST_F(EventParserTest, ReadsAMessage) {
  const auto result = messages(R"({"id":"fb-1","platform":"facebook","kind":"comment",
    "public":true,"created_at":"2026-11-20T14:03:00Z","author":{"id":"u1","name":"Léa"},
    "page_id":"p","text":"nul"})");
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_TRUE(result.events[0].is_public);
  EXPECT_EQ(result.events[0].author_name, "Léa");
  EXPECT_EQ(result.events[0].channel, "social");
}

TEST_F(EventParserTest, NotJsonOrNotUtf8Is400) {
  EXPECT_EQ(surveys(R"({"id":"a","nps":)").code, "invalid_json");
  EXPECT_EQ(surveys("").status, 400);
  EXPECT_EQ(surveys("{\"id\":\"a\xff\"}").code, "invalid_utf8");
  EXPECT_EQ(surveys("{\"id\":\"a\",\"nps\":1}\nnot json\n", true).message, "line 2 is not JSON");
}

TEST_F(EventParserTest, SchemaMistakesAre422WithEveryField) {
  const auto result = surveys(R"([{"id":"ok","nps":5},{"nps":11},{"id":"x","nps":3.0,
    "csat":"4","channel":"fax","submitted_at":"yesterday"},{"id":"y"},7])");
  EXPECT_EQ(result.status, 422);
  EXPECT_EQ(result.code, "invalid_event");
  EXPECT_TRUE(result.events.empty());
  EXPECT_EQ(fields_of(result), "1:nps 1:id 2:nps 2:csat 2:channel 2:submitted_at 3:nps 4: ");
}

TEST_F(EventParserTest, AnEmptyBatchIs422) {
  EXPECT_EQ(surveys("[]").status, 422);
  EXPECT_EQ(surveys("\n\n", true).status, 422);
}

TEST_F(EventParserTest, MessagesNeedTextAndPlatform) {
  EXPECT_EQ(fields_of(messages(R"({"id":"m"})")), "0:text 0:platform ");
  EXPECT_EQ(fields_of(messages(R"({"id":"m","platform":"fax","text":"x"})")), "0:platform ");
}

}  // namespace
}  // namespace sentinelle
