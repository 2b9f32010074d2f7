#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fake_outbox_store.hpp"
#include "signature/standard_webhooks.hpp"
#include "test_receiver.hpp"
#include "webhook/webhook_delivery_worker.hpp"

namespace spdlog::sinks {
template <typename Mutex>
class ringbuffer_sink;
}  // namespace spdlog::sinks

namespace sentinelle::testing {

using namespace std::chrono_literals;

inline constexpr const char* test_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// A sink to `url` with test-sized waits: 1 s timeout, one 50 ms retry.
webhook_sink_config test_sink(const std::string& name, const std::string& url);

// The body the server's payload_for would give: {"type":"alert.created",…,"data":{…}}.
std::string test_payload(const std::string& alert_id);

// Checks a received request as a receiver would, with the test secret, at the current time.
signature_check verify_received(const received_request& request);

// Polls `condition` every 5 ms until it holds or `within` passes: the worker raises no event a
// test could wait on. Never a fixed sleep.
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds within = 5s);

// A fake outbox, a worker on it writing its log to memory, and the worker's lifetime.
class worker_harness {
 public:
  explicit worker_harness(std::vector<webhook_sink_config> sinks,
                          webhook_payload_source payload_for = test_payload,
                          webhook_worker_options options = {});
  ~worker_harness();

  fake_outbox_store& store() { return store_; }
  webhook_delivery_worker& worker() { return *worker_; }
  std::vector<std::string> log_lines() const;
  bool logged(const std::string& event) const;  // a line has "event":"<event>"

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink<std::mutex>> log_sink_;
  fake_outbox_store store_;
  std::unique_ptr<webhook_delivery_worker> worker_;
};

}  // namespace sentinelle::testing
