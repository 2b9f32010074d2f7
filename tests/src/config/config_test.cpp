#include "config/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sentinelle {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  std::optional<sentinelle_config> load(const std::string& text, config_overrides overrides = {}) {
    std::ofstream(path_) << text;
    return load_config(path_, overrides, error_);
  }
  ~ConfigTest() override { std::filesystem::remove(path_); }

  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("sentinelle-config-" + std::to_string(::getpid()) + ".toml"))
                          .string();
  std::string error_;
};

TEST_F(ConfigTest, DefaultsAreTheContracts) {
  const auto config = load_config("", {}, error_);
  ASSERT_TRUE(config) << error_;
  EXPECT_EQ(config->listen_host, "127.0.0.1");
  EXPECT_EQ(config->listen_port, 8080);
  EXPECT_EQ(config->body_limit_bytes, 1048576U);
  EXPECT_EQ(config->storage_url, "sqlite:var/sentinelle.db");
  EXPECT_EQ(config->lexicons, "lexicons/fr");
  EXPECT_EQ(config->log_level, "info");
  EXPECT_TRUE(config->access_log);
}

TEST_F(ConfigTest, ReadsEveryKey) {
  const auto config = load(R"(
[server]
listen = "127.0.0.1:9090"
threads = 3
body_limit_bytes = 2048
request_timeout_ms = 500
idle_timeout_ms = 700
[storage]
url = "sqlite:/tmp/x.db"
max_pending_events = 50
[analysis]
lexicons = "my/lex"
[log]
level = "warn"
access = false
[[auth.tokens]]
token = "0123456789abcdef-admin"
role = "admin"
[[auth.tokens]]
token = "0123456789abcdef-ingest"
role = "ingest"
)");
  ASSERT_TRUE(config) << error_;
  EXPECT_EQ(config->listen_port, 9090);
  EXPECT_EQ(config->threads, 3U);
  EXPECT_EQ(config->body_limit_bytes, 2048U);
  EXPECT_EQ(config->request_timeout_ms, 500U);
  EXPECT_EQ(config->storage_url, "sqlite:/tmp/x.db");
  EXPECT_EQ(config->max_pending_events, 50U);
  EXPECT_EQ(config->lexicons, "my/lex");
  EXPECT_EQ(config->log_level, "warn");
  EXPECT_FALSE(config->access_log);
  ASSERT_EQ(config->tokens.size(), 2U);
  EXPECT_EQ(config->tokens[1].granted, role::ingest);
}

TEST_F(ConfigTest, UnknownKeysAreErrorsNamingTheKey) {
  EXPECT_FALSE(load("[server]\nlisen = \"127.0.0.1:1\"\n"));
  EXPECT_NE(error_.find("unknown key 'server.lisen'"), std::string::npos) << error_;
  EXPECT_FALSE(load("[telemetry]\non = true\n"));
  EXPECT_NE(error_.find("unknown key 'telemetry'"), std::string::npos) << error_;
}

TEST_F(ConfigTest, BadValuesAreErrorsNamingTheKey) {
  EXPECT_FALSE(load("[server]\nthreads = -1\n"));
  EXPECT_NE(error_.find("server.threads"), std::string::npos) << error_;
  EXPECT_FALSE(load("[server]\nlisten = \"nowhere\"\n"));
  EXPECT_NE(error_.find("server.listen"), std::string::npos) << error_;
  EXPECT_FALSE(load("[[auth.tokens]]\ntoken = \"short\"\nrole = \"admin\"\n"));
  EXPECT_NE(error_.find("auth.tokens[0].token"), std::string::npos) << error_;
  EXPECT_FALSE(load("[[auth.tokens]]\ntoken = \"0123456789abcdef\"\nrole = \"king\"\n"));
  EXPECT_NE(error_.find("auth.tokens[0].role"), std::string::npos) << error_;
  EXPECT_FALSE(load("[log]\nlevel = \"loud\"\n"));
  EXPECT_NE(error_.find("log.level"), std::string::npos) << error_;
  EXPECT_FALSE(load("[log]\naccess = \"no\"\n"));
  EXPECT_NE(error_.find("log.access"), std::string::npos) << error_;
  EXPECT_FALSE(load("[server\n"));
  EXPECT_NE(error_.find(path_ + ":1:"), std::string::npos) << error_;
}

TEST_F(ConfigTest, FlagsOverrideTheFile) {
  const auto config = load("[server]\nlisten = \"127.0.0.1:9090\"\n",
                           {.listen = "127.0.0.1:0", .storage_url = "sqlite:a.db", .lexicons = {}});
  ASSERT_TRUE(config) << error_;
  EXPECT_EQ(config->listen_port, 0);
  EXPECT_EQ(config->storage_url, "sqlite:a.db");
}

TEST_F(ConfigTest, RefusesAnOpenApiBeyondLoopback) {
  EXPECT_FALSE(load("[server]\nlisten = \"0.0.0.0:8080\"\n"));
  EXPECT_NE(error_.find("auth.tokens"), std::string::npos) << error_;
  EXPECT_TRUE(
      load("[server]\nlisten = \"0.0.0.0:8080\"\n[[auth.tokens]]\n"
           "token = \"0123456789abcdef\"\nrole = \"admin\"\n"));
}

TEST(ListenAddress, ParsesHostsAndPorts) {
  std::string host;
  std::uint16_t port = 0;
  EXPECT_TRUE(parse_listen_address("[::1]:8080", host, port));
  EXPECT_EQ(host, "::1");
  EXPECT_FALSE(parse_listen_address("127.0.0.1:70000", host, port));
  EXPECT_FALSE(parse_listen_address(":80", host, port));
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
}

}  // namespace
}  // namespace sentinelle
