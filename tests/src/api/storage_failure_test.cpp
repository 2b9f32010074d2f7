#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "api/api_service.hpp"
#include "api/event_pipeline.hpp"
#include "cli/source_plugins.hpp"
#include "cli/commands.hpp"
#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle {
namespace {

// The alert side of a store double whose alerts these tests do not exercise: unavailable.
class alertless_store : public event_store {
 public:
  alert_page list_alerts(const alert_filter&) override { return {}; }
  std::optional<alert> find_alert(std::int64_t) override { return std::nullopt; }
  void change_alert(alert_change, std::function<void(alert_change_result)> done) override {
    done({});
  }
  bool replay(std::int64_t, std::size_t, std::vector<stream_record>&) override { return false; }
  void on_commit(std::function<void(const commit_notice&)>) override {}
  void erase(erasure_request, std::function<void(erasure_result)> done) override { done({}); }
};

// A store whose disk is gone: every commit fails and nothing can be read.
class failing_store final : public alertless_store {
 public:
  void store(std::vector<event> batch, std::function<void(store_result)> done) override {
    attempted_ += batch.size();
    done({false, "disk I/O error", {}, {}});
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

// The routes `serve` builds: the API and the source plugins (the canonical /v1/surveys).
router serve_routes(api_service& api, event_pipeline& pipeline, source_plugin_set& sources,
                    const sentinelle_config& config) {
  router routes;
  api.add_routes(routes);
  std::string error;
  EXPECT_TRUE(sources.start(config, pipeline, api.access(), routes, error)) << error;
  return routes;
}

class StorageFailureTest : public ::testing::Test {
 protected:
  StorageFailureTest() {
    server_ = std::make_unique<testing::test_server>(
        serve_routes(api_, pipeline_, sources_, config_));
  }
  std::optional<testing::client_response> request(std::string_view method, std::string_view target,
                                                  std::string_view body = {}) {
    testing::test_client client;
    EXPECT_FALSE(client.connect(server_->port()));
    return client.request(method, target, body, {{"Content-Type", "application/json"}});
  }

  std::unique_ptr<analyzer> engine_ = load_analyzer(SENTINELLE_LEXICONS);
  failing_store store_;
  sentinelle_config config_;
  api_service api_{*engine_, store_, config_};
  event_pipeline pipeline_{*engine_, nullptr, store_, config_.severities,
                           config_.max_pending_events};
  source_plugin_set sources_;
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

namespace sentinelle {
namespace {

// A store that holds every batch until released: its commits are slower than the clients.
class slow_store final : public alertless_store {
 public:
  void store(std::vector<event> batch, std::function<void(store_result)> done) override {
    std::lock_guard lock(mutex_);
    held_.emplace_back(batch.size(), std::move(done));
  }
  void release_all() {
    std::vector<std::pair<std::size_t, std::function<void(store_result)>>> held;
    {
      std::lock_guard lock(mutex_);
      held.swap(held_);
    }
    for (auto& [size, done] : held) {
      done({true, "", std::vector<store_outcome>(size, store_outcome::stored), {}});
    }
  }
  std::size_t held() {
    std::lock_guard lock(mutex_);
    return held_.size();
  }
  std::optional<event> find(event_kind, const std::string&, const std::string&) override {
    return std::nullopt;
  }
  score_answer scores(const score_query&) override { return {}; }
  bool ready() override { return true; }
  std::int64_t count_events() override { return 0; }
  void flush() override {}

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::size_t, std::function<void(store_result)>>> held_;
};

TEST(PendingEvents, ASlowStoreMakesTheServerAnswer503NotGrow) {
  auto engine = load_analyzer(SENTINELLE_LEXICONS);
  slow_store store;
  sentinelle_config config;
  config.max_pending_events = 2;
  api_service api(*engine, store, config);
  event_pipeline pipeline(*engine, nullptr, store, config.severities, config.max_pending_events);
  source_plugin_set sources;
  testing::test_server server(serve_routes(api, pipeline, sources, config));
  testing::test_client waiting;
  ASSERT_FALSE(waiting.connect(server.port()));
  ASSERT_FALSE(waiting.send(testing::raw_request("POST", "/v1/surveys",
                                                 R"([{"id":"a","nps":1},{"id":"b","nps":2}])",
                                                 {{"Content-Type", "application/json"}})));
  for (int i = 0; i < 500 && store.held() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // bounded wait for the handler
  }
  ASSERT_EQ(store.held(), 1U);
  testing::test_client refused;
  ASSERT_FALSE(refused.connect(server.port()));
  const auto busy = refused.request("POST", "/v1/surveys", R"({"id":"c","nps":3})",
                                    {{"Content-Type", "application/json"}});
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503U);
  EXPECT_EQ(busy->header("Retry-After"), "1");
  store.release_all();
  const auto accepted = waiting.read_response();
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200U);
  // The room is free again: the next batch is taken (and held) rather than refused.
  ASSERT_FALSE(refused.send(testing::raw_request("POST", "/v1/surveys", R"({"id":"c","nps":3})",
                                                 {{"Content-Type", "application/json"}})));
  for (int i = 0; i < 500 && store.held() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(store.held(), 1U);
  store.release_all();
  const auto taken = refused.read_response();
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->status, 200U);
}

}  // namespace
}  // namespace sentinelle
