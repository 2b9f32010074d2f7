// [alerts.severity], [consoles] and [[sinks.webhook]] (issue #4).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/config.hpp"

namespace sentinelle {
namespace {

class AlertsConfig : public ::testing::Test {
 protected:
  std::optional<sentinelle_config> load(const std::string& text) {
    std::ofstream(path_) << text;
    return load_config(path_, {}, error_);
  }
  ~AlertsConfig() override { std::filesystem::remove(path_); }

  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("sentinelle-alerts-config-" + std::to_string(::getpid()) + ".toml"))
                          .string();
  std::string error_;
};

TEST_F(AlertsConfig, ReadsSeveritiesConsolesAndSinks) {
  const auto config = load(R"(
[alerts.severity]
high_effort = "high"
legal_threat = "critical"
[consoles]
heartbeat_ms = 250
queue_messages = 64
replay_limit = 500
scores_interval_ms = 100
[[sinks.webhook]]
url = "https://crm.example.com/hooks"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
min_severity = "high"
retry_schedule = ["500ms", "5s", "2m", "1h", "1d"]
timeout_ms = 2000
verify_tls = false
[[sinks.webhook]]
name = "bi"
url = "http://127.0.0.1:9000/"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
)");
  ASSERT_TRUE(config) << error_;
  EXPECT_EQ(config->severities.of("high_effort"), severity::high);
  EXPECT_EQ(config->severities.of("score_detractor"), severity::medium);  // default kept
  EXPECT_EQ(config->consoles.heartbeat_ms, 250U);
  EXPECT_EQ(config->consoles.queue_messages, 64U);
  EXPECT_EQ(config->consoles.replay_limit, 500U);
  ASSERT_EQ(config->webhooks.size(), 2U);
  const auto& crm = config->webhooks[0];
  EXPECT_EQ(crm.name.rfind("webhook-", 0), 0U);  // derived from the URL, stable
  EXPECT_EQ(crm.min_severity, severity::high);
  EXPECT_EQ(crm.retry_schedule_ms,
            (std::vector<std::int64_t>{500, 5000, 120000, 3600000, 86400000}));
  EXPECT_EQ(crm.timeout_ms, 2000);
  EXPECT_FALSE(crm.verify_tls);
  EXPECT_EQ(config->webhooks[1].name, "bi");
  EXPECT_EQ(config->webhooks[1].retry_schedule_ms.size(), 7U);  // the default schedule
}

TEST_F(AlertsConfig, RejectsMistakesNamingTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"[alerts.severity]\nchurn_risk = \"high\"\n", "alerts.severity.churn_risk"},
      {"[alerts.severity]\nbored = \"low\"\n", "alerts.severity.bored"},
      {"[alerts.severity]\nabuse = \"urgent\"\n", "alerts.severity.abuse"},
      {"[consoles]\nheartbeat_ms = 0\n", "consoles.heartbeat_ms"},
      {"[consoles]\ncolour = 1\n", "consoles.colour"},
      {"[[sinks.webhook]]\nurl = \"http://x/\"\nsecret = \"s\"\nretry = 1\n",
       "sinks.webhook[0].retry"},
      {"[[sinks.webhook]]\nurl = \"http://x/\"\nretry_schedule = [\"5 minutes\"]\n",
       "sinks.webhook[0].retry_schedule"},
      {"[[sinks.webhook]]\nurl = \"http://x/\"\nname = \"a.b\"\n", "sinks.webhook[0].name"},
      {"[[sinks.webhook]]\nurl = \"http://x/\"\nname = \"a\"\n[[sinks.webhook]]\n"
       "url = \"http://y/\"\nname = \"a\"\n",
       "sinks.webhook[1].name"},
  };
  for (const auto& [text, key] : cases) {
    EXPECT_FALSE(load(text)) << text;
    EXPECT_NE(error_.find(key), std::string::npos) << error_;
  }
}

TEST(Durations, ParseUnits) {
  EXPECT_EQ(parse_duration_ms("250ms"), 250);
  EXPECT_EQ(parse_duration_ms("5s"), 5000);
  EXPECT_EQ(parse_duration_ms("10h"), 36000000);
  EXPECT_FALSE(parse_duration_ms("5"));
  EXPECT_FALSE(parse_duration_ms("-5s"));
  EXPECT_FALSE(parse_duration_ms("s"));
}

}  // namespace
}  // namespace sentinelle
