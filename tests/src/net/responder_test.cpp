#include "net/responder.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace sentinelle {
namespace {

// Records what a responder delivers, from whichever thread.
struct delivery_log {
  std::mutex mutex;
  std::vector<http_response> responses;

  responder make() {
    return responder([this](http_response response) {
      const std::lock_guard lock(mutex);
      responses.push_back(std::move(response));
    });
  }
};

TEST(responder, delivers_the_first_send_only) {
  delivery_log log;
  {
    const auto reply = log.make();
    const auto copy = reply;
    EXPECT_FALSE(reply.sent());
    copy.send(json_response(200, "first"));
    reply.send(json_response(201, "second"));
    EXPECT_TRUE(reply.sent());
  }
  ASSERT_EQ(log.responses.size(), 1U);
  EXPECT_EQ(log.responses[0].body, "first");
}

TEST(responder, answers_500_when_every_copy_is_dropped_unsent) {
  delivery_log log;
  {
    auto reply = log.make();
    auto copy = reply;
    { [[maybe_unused]] const auto moved = std::move(reply); }
    EXPECT_TRUE(log.responses.empty());  // a copy is still alive
  }
  ASSERT_EQ(log.responses.size(), 1U);
  EXPECT_EQ(log.responses[0].status, 500U);
  EXPECT_NE(log.responses[0].body.find(R"("code":"internal_error")"), std::string::npos);
}

TEST(responder, one_delivery_when_many_threads_race) {
  delivery_log log;
  {
    const auto reply = log.make();
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([reply, &go, i] {
        while (!go.load()) {
        }
        reply.send(json_response(200, std::to_string(i)));
      });
    }
    go = true;
    for (auto& thread : threads) {
      thread.join();
    }
  }
  EXPECT_EQ(log.responses.size(), 1U);
}

}  // namespace
}  // namespace sentinelle
