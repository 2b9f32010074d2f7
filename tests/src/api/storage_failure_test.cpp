#include <gtest/gtest.h>

#include "api/api_service.hpp"
#include "cli/commands.hpp"
#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle {
namespace {

// A store whose disk is gone: every commit fails and nothing can be read.
class failing_store final : public event_store {
 public:
  void store(std::vector<event> batch, std::function<void(store_result)> done) override {
    attempted_ += batch.size();
    done({false, "disk I/O error", {}});
  }
  std::optional<event> find(event_kind, const std::string&, const std::string&) override {
    return std::nullopt;
  }
  score_answer scores(const score_query&) override { return {false, "disk I/O error", {}, {}}; }
  bool ready() override { return false; }
  std::int64_t count_events() override { return -1; }
  void flush() override {}

  std::size_t attempted_ = 0;
};

class StorageFailureTest : public ::testing::Test {
 protected:
  StorageFailureTest() {
    api_.add_routes(routes_);
    server_ = std::make_unique<testing::test_server>(std::move(routes_));
  }
  std::optional<testing::client_response> request(std::string_view method,
                                                  std::string_view target,
                                                  std::string_view body = {}) {
    testing::test_client client;
    EXPECT_FALSE(client.connect(server_->port()));
    return client.request(method, target, body, {{"Content-Type", "application/json"}});
  }

  std::unique_ptr<analyzer> engine_ = load_analyzer(SENTINELLE_LEXICONS);
  failing_store store_;
  sentinelle_config config_;
  api_service api_{*engine_, store_, config_};
  router routes_;
  std::unique_ptr<testing::test_server> server_;
};

TEST_F(StorageFailureTest, NothingIsAcknowledgedWhenTheStoreCannotCommit) {
  const auto response = request("POST", "/v1/surveys", R"({"id":"s-1","nps":2})");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 503U);
  EXPECT_NE(response->body.find(R"("code":"unavailable")"), std::string::npos);
  EXPECT_EQ(store_.attempted_, 1U);
}

TEST_F(StorageFailureTest, ReadinessAndScoresSayUnavailable) {
  EXPECT_EQ(request("GET", "/readyz")->status, 503U);
  EXPECT_EQ(request("GET", "/v1/scores")->status, 503U);
  EXPECT_EQ(request("GET", "/healthz")->status, 200U);  // alive, though not ready
}

}  // namespace
}  // namespace sentinelle
