#include "webhook/webhook_sink_config.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

webhook_sink_config valid_sink() {
  webhook_sink_config sink;
  sink.name = "crm";
  sink.url = "https://crm.example.fr/hooks/sentinelle";
  sink.secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  return sink;
}

TEST(webhook_sink_config, has_the_documented_defaults) {
  const webhook_sink_config sink;
  EXPECT_EQ(sink.timeout_ms, 15'000);
  EXPECT_EQ(sink.max_in_flight, 8U);
  EXPECT_TRUE(sink.verify_tls);
  EXPECT_EQ(sink.min_severity, severity::low);
  EXPECT_EQ(sink.retry_schedule_ms,
            (std::vector<std::int64_t>{5'000, 300'000, 1'800'000, 7'200'000, 18'000'000, 36'000'000,
                                       36'000'000}));
}

TEST(webhook_sink_config, accepts_a_valid_sink) {
  EXPECT_EQ(find_sink_config_problem(valid_sink()), "");
}

TEST(webhook_sink_config, names_the_key_of_each_problem) {
  const std::vector<std::pair<void (*)(webhook_sink_config&), std::string>> cases = {
      {[](webhook_sink_config& s) { s.name.clear(); }, "sinks.webhook.name:"},
      {[](webhook_sink_config& s) { s.url = "ftp://x/"; }, "sinks.webhook[crm].url:"},
      {[](webhook_sink_config& s) { s.url = ""; }, "sinks.webhook[crm].url:"},
      {[](webhook_sink_config& s) { s.secret = "whsec_!!"; }, "sinks.webhook[crm].secret:"},
      {[](webhook_sink_config& s) { s.secret.clear(); }, "sinks.webhook[crm].secret:"},
      {[](webhook_sink_config& s) { s.timeout_ms = 0; }, "sinks.webhook[crm].timeout_ms:"},
      {[](webhook_sink_config& s) { s.max_in_flight = 0; }, "sinks.webhook[crm].max_in_flight:"},
      {[](webhook_sink_config& s) { s.retry_schedule_ms.clear(); },
       "sinks.webhook[crm].retry_schedule_ms:"},
      {[](webhook_sink_config& s) {
         s.retry_schedule_ms = {5, -1};
       },
       "sinks.webhook[crm].retry_schedule_ms:"},
  };
  for (const auto& [mutate, prefix] : cases) {
    webhook_sink_config sink = valid_sink();
    mutate(sink);
    const std::string problem = find_sink_config_problem(sink);
    EXPECT_EQ(problem.rfind(prefix, 0), 0U) << problem;
  }
}

TEST(webhook_sink_config, never_quotes_the_secret) {
  webhook_sink_config sink = valid_sink();
  sink.secret = "whsec_not-base64-SECRETVALUE";
  const std::string problem = find_sink_config_problem(sink);
  EXPECT_FALSE(problem.empty());
  EXPECT_EQ(problem.find("SECRETVALUE"), std::string::npos) << problem;
}

TEST(webhook_sink_config, rejects_duplicate_names) {
  EXPECT_EQ(find_sinks_config_problem({valid_sink()}), "");
  EXPECT_EQ(find_sinks_config_problem({valid_sink(), valid_sink()}),
            "sinks.webhook[crm].name: is used by another sink");
}

}  // namespace
}  // namespace sentinelle
