#pragma once

// Internal to plugins/webhook: the worker's state and coroutines, all on its one I/O thread, so
// nothing here takes a lock.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "net/json_log.hpp"
#include "storage/outbox_store.hpp"
#include "webhook/retry_policy.hpp"
#include "webhook/webhook_delivery_worker.hpp"
#include "webhook/webhook_url.hpp"

namespace sentinelle {

class http_attempt;

// One configured sink, checked and parsed once.
struct sink_state {
  webhook_sink_config config;
  webhook_url url;
  std::string key;                           // the secret's raw bytes
  boost::asio::ssl::context* tls = nullptr;  // for https
  std::size_t in_flight = 0;
  std::deque<outbound_delivery> backlog;  // claimed, waiting for a free slot
};

class delivery_engine {
 public:
  delivery_engine(boost::asio::io_context& context, outbox_store& store,
                  const std::vector<webhook_sink_config>& sinks, webhook_payload_source payload_for,
                  webhook_worker_options options, webhook_counters& counters);
  ~delivery_engine();

  // The dispatcher: claims and starts deliveries until begin_stop(), then drains.
  boost::asio::awaitable<void> run();
  void wake();        // look at the outbox now
  void begin_stop();  // see webhook_delivery_worker::stop

 private:
  // delivery_engine.cpp: claiming and dispatch.
  std::size_t room() const;
  std::size_t claim_and_start();
  void accept_claimed(outbound_delivery delivery, std::int64_t now_ms);
  std::chrono::milliseconds wait_before_next_claim(bool claim_was_full);
  boost::asio::awaitable<void> drain();
  void start(sink_state& sink, outbound_delivery delivery);
  void finished(sink_state& sink, std::int64_t id);
  void release(const outbound_delivery& delivery);
  void release_backlog(sink_state& sink);

  // delivery_attempt.cpp: one attempt and what follows it.
  boost::asio::awaitable<void> deliver(sink_state& sink, outbound_delivery delivery);
  std::optional<std::string> load_payload(const outbound_delivery& delivery,
                                          attempt_result& failed);
  void settle(sink_state& sink, const outbound_delivery& delivery, const attempt_result& result,
              double duration_ms);
  void on_failed(sink_state& sink, const outbound_delivery& delivery,
                 const delivery_decision& decision, std::int64_t now_ms, log_fields& fields);
  void check_store_write(bool written, std::string_view operation,
                         const outbound_delivery& delivery);

  boost::asio::io_context& context_;
  outbox_store& store_;
  webhook_payload_source payload_for_;
  webhook_worker_options options_;
  webhook_counters& counters_;
  boost::asio::ssl::context verified_tls_;
  boost::asio::ssl::context unverified_tls_;
  std::map<std::string, sink_state, std::less<>> sinks_;  // std::map: references stay valid
  std::unordered_set<std::int64_t> held_;  // claimed and not settled: backlog or in flight
  std::unordered_map<std::int64_t, std::shared_ptr<http_attempt>> attempts_;  // to abort
  boost::asio::steady_timer wake_timer_;
  boost::asio::steady_timer grace_timer_;
  std::minstd_rand random_;
  bool wake_pending_ = false;
  bool stopping_ = false;
};

}  // namespace sentinelle
