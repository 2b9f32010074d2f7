#include "worker_harness.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/ringbuffer_sink.h>

#include <algorithm>
#include <thread>

#include "net/json_log.hpp"
#include "util/time.hpp"

namespace sentinelle::testing {

webhook_sink_config test_sink(const std::string& name, const std::string& url) {
  webhook_sink_config sink;
  sink.name = name;
  sink.url = url;
  sink.secret = test_secret;
  sink.timeout_ms = 1'000;
  sink.retry_schedule_ms = {50};
  return sink;
}

std::string test_payload(const std::string& alert_id) {
  return R"({"type":"alert.created","timestamp":"2026-11-20T13:03:00.250Z","data":{"id":")" +
         alert_id + R"(","severity":"critical","reasons":["churn_risk"]}})";
}

signature_check verify_received(const received_request& request) {
  std::string error;
  const auto secret = standard_webhooks_secret::parse(test_secret, error);
  return standard_webhooks_verify(
      secret->key(),
      {request.header("webhook-id"), request.header("webhook-timestamp"),
       request.header("webhook-signature")},
      request.body, now_unix_ms() / 1000);
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

worker_harness::worker_harness(std::vector<webhook_sink_config> sinks,
                               webhook_payload_source payload_for, webhook_worker_options options)
    : log_sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000)) {
  options.logger = make_json_logger("webhook", log_sink_);
  options.user_agent = "sentinelle/test";
  worker_ = std::make_unique<webhook_delivery_worker>(store_, std::move(sinks),
                                                      std::move(payload_for), std::move(options));
}

worker_harness::~worker_harness() {
  worker_.reset();  // stops before the store goes
}

std::vector<std::string> worker_harness::log_lines() const {
  return log_sink_->last_formatted();
}

bool worker_harness::logged(const std::string& event) const {
  const auto lines = log_lines();
  const std::string needle = "\"event\":\"" + event + "\"";
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
    return line.find(needle) != std::string::npos;
  });
}

}  // namespace sentinelle::testing
