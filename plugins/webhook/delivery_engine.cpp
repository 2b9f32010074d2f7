#include "webhook/delivery_engine.hpp"

#include <spdlog/logger.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>

#include "net/json_log.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"
#include "webhook/http_attempt.hpp"

namespace sentinelle {
namespace {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using namespace std::chrono_literals;

// A delivery whose sink is no longer configured is parked this long rather than dropped: the
// sink may come back with the next config.
constexpr std::int64_t unknown_sink_park_ms = 3'600'000;
// The shortest sleep when nothing is due: the store's clock and ours may differ by a few ms, and
// a due row we cannot take must not make the dispatcher spin.
constexpr auto min_wait = 10ms;

ssl::context make_tls_context(bool verify, spdlog::logger& logger) {
  ssl::context context(ssl::context::tls_client);
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                      ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  if (verify) {
    boost::system::error_code ec;
    context.set_default_verify_paths(ec);
    if (ec) {
      logger.warn(log_fields("webhook_tls_setup").add("error", ec.message()).text());
    }
    context.set_verify_mode(ssl::verify_peer);
  } else {
    context.set_verify_mode(ssl::verify_none);
  }
  return context;
}

}  // namespace

delivery_engine::delivery_engine(asio::io_context& context, outbox_store& store,
                                 const std::vector<webhook_sink_config>& sinks,
                                 webhook_payload_source payload_for, webhook_worker_options options,
                                 webhook_counters& counters)
    : context_(context),
      store_(store),
      payload_for_(std::move(payload_for)),
      options_(std::move(options)),
      counters_(counters),
      verified_tls_(make_tls_context(true, *options_.logger)),
      unverified_tls_(make_tls_context(false, *options_.logger)),
      wake_timer_(context),
      grace_timer_(context),
      random_(std::random_device{}()) {
  for (const webhook_sink_config& config : sinks) {
    std::string error;  // the configs were checked by the worker: these cannot fail
    sink_state state;
    state.config = config;
    state.url = *parse_webhook_url(config.url, error);
    state.key = standard_webhooks_secret::parse(config.secret, error)->key();
    state.tls = config.verify_tls ? &verified_tls_ : &unverified_tls_;
    sinks_.emplace(config.name, std::move(state));
  }
}

delivery_engine::~delivery_engine() = default;

void delivery_engine::wake() {
  wake_pending_ = true;
  wake_timer_.cancel();
}

void delivery_engine::begin_stop() {
  stopping_ = true;
  wake_timer_.cancel();
}

asio::awaitable<void> delivery_engine::run() {
  while (!stopping_) {
    wake_pending_ = false;
    const std::size_t limit = room();
    const bool full = limit > 0 && claim_and_start() == limit;
    if (!wake_pending_ && !stopping_) {
      wake_timer_.expires_after(wait_before_next_claim(full));
      co_await wake_timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    }
  }
  co_await drain();
}

// Claimed rows wait in memory at most this much: twice each sink's max_in_flight. The store
// claims oldest first across sinks, so a row for a busy sink may still be taken while others have
// room; the bound is on the total.
std::size_t delivery_engine::room() const {
  std::size_t capacity = 0;
  for (const auto& [name, sink] : sinks_) {
    capacity += 2 * sink.config.max_in_flight;
  }
  return capacity > held_.size() ? capacity - held_.size() : 0;
}

std::size_t delivery_engine::claim_and_start() {
  const std::int64_t now_ms = now_unix_ms();
  std::int64_t lease_ms = 0;
  for (const auto& [name, sink] : sinks_) {
    lease_ms = std::max(lease_ms, sink.config.timeout_ms + 30'000);
  }
  std::vector<outbound_delivery> claimed;
  try {
    claimed = store_.claim_due(now_ms, lease_ms, room());
  } catch (const std::exception& error) {
    options_.logger->error(log_fields("webhook_store_error")
                               .add("operation", "claim_due")
                               .add("error", error.what())
                               .text());
    return 0;
  }
  const std::size_t count = claimed.size();
  for (outbound_delivery& delivery : claimed) {
    accept_claimed(std::move(delivery), now_ms);
  }
  return count;
}

void delivery_engine::accept_claimed(outbound_delivery delivery, std::int64_t now_ms) {
  if (held_.contains(delivery.id)) {
    return;  // ours already: a lease that ran out while it waited, now renewed
  }
  const auto found = sinks_.find(delivery.sink);
  if (found == sinks_.end()) {
    options_.logger->warn(log_fields("webhook_unknown_sink")
                              .add("sink", delivery.sink)
                              .add("webhook_id", delivery.webhook_id)
                              .text());
    check_store_write(store_.reschedule(delivery.id, delivery.attempts,
                                        now_ms + unknown_sink_park_ms, "sink not configured"),
                      "reschedule", delivery);
    return;
  }
  sink_state& sink = found->second;
  held_.insert(delivery.id);
  if (sink.in_flight < sink.config.max_in_flight) {
    start(sink, std::move(delivery));
  } else {
    sink.backlog.push_back(std::move(delivery));
  }
}

std::chrono::milliseconds delivery_engine::wait_before_next_claim(bool claim_was_full) {
  const auto poll = std::chrono::milliseconds(options_.poll_interval_ms);
  if (room() == 0) {
    return poll;  // a finished attempt wakes the dispatcher
  }
  if (claim_was_full) {
    return 0ms;  // more may be due right now
  }
  std::optional<std::int64_t> next_ms;
  try {
    next_ms = store_.next_due_ms();
  } catch (const std::exception&) {
    return poll;  // claim_due will report it
  }
  if (!next_ms) {
    return poll;
  }
  return std::clamp(std::chrono::milliseconds(*next_ms - now_unix_ms()),
                    std::chrono::milliseconds(min_wait), poll);
}

void delivery_engine::start(sink_state& sink, outbound_delivery delivery) {
  ++sink.in_flight;
  counters_.in_flight.fetch_add(1, std::memory_order_relaxed);
  const std::int64_t id = delivery.id;
  asio::co_spawn(context_, deliver(sink, std::move(delivery)),
                 [this, &sink, id](const std::exception_ptr& error) {
                   if (error) {
                     options_.logger->error(
                         log_fields("webhook_internal_error").add("sink", sink.config.name).text());
                   }
                   finished(sink, id);
                 });
}

void delivery_engine::finished(sink_state& sink, std::int64_t id) {
  attempts_.erase(id);
  held_.erase(id);
  --sink.in_flight;
  counters_.in_flight.fetch_sub(1, std::memory_order_relaxed);
  if (stopping_) {
    if (attempts_.empty()) {
      grace_timer_.cancel();  // the last one: drain() may return before its grace ends
    }
    return;
  }
  if (!sink.backlog.empty()) {
    outbound_delivery next = std::move(sink.backlog.front());
    sink.backlog.pop_front();
    start(sink, std::move(next));
  }
  wake();
}

void delivery_engine::release(const outbound_delivery& delivery) {
  // Due again now, with the attempts it had: it was never sent, or it was cut off by the stop.
  check_store_write(
      store_.reschedule(delivery.id, delivery.attempts, now_unix_ms(), delivery.last_error),
      "reschedule", delivery);
}

void delivery_engine::release_backlog(sink_state& sink) {
  for (const outbound_delivery& delivery : sink.backlog) {
    release(delivery);
    held_.erase(delivery.id);
  }
  sink.backlog.clear();
}

asio::awaitable<void> delivery_engine::drain() {
  for (auto& [name, sink] : sinks_) {
    release_backlog(sink);
  }
  if (!attempts_.empty()) {
    grace_timer_.expires_after(std::chrono::milliseconds(options_.stop_grace_ms));
    co_await grace_timer_.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  // Aborting closes sockets: each attempt's coroutine resumes, releases its row and finishes,
  // then the io_context runs out of work and the worker's thread ends.
  const auto remaining = attempts_;
  for (const auto& [id, attempt] : remaining) {
    attempt->abort();
  }
}

}  // namespace sentinelle
