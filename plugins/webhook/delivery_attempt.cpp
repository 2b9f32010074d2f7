// One delivery attempt of the engine, and what its outcome does to the outbox.
#include <spdlog/logger.h>

#include <boost/beast/http/field.hpp>
#include <chrono>
#include <exception>
#include <string>

#include "net/json_log.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"
#include "webhook/delivery_engine.hpp"
#include "webhook/http_attempt.hpp"

namespace sentinelle {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;

webhook_request make_request(const sink_state& sink, const outbound_delivery& delivery,
                             std::string body, std::int64_t timestamp_s,
                             const std::string& user_agent) {
  webhook_request request{http::verb::post, sink.url.target, 11};
  request.set(http::field::host, sink.url.host_header());
  request.set(http::field::user_agent, user_agent);
  request.set(http::field::content_type, "application/json");
  request.set(http::field::connection, "close");  // one connection per attempt
  request.set("webhook-id", delivery.webhook_id);
  request.set("webhook-timestamp", std::to_string(timestamp_s));
  // Signed per attempt: the timestamp is now, so a retry hours later is not seen as a replay.
  request.set("webhook-signature",
              standard_webhooks_sign(sink.key, delivery.webhook_id, timestamp_s, body));
  request.body() = std::move(body);
  request.prepare_payload();
  return request;
}

// What every line about an attempt carries; never the payload, the URL or the secret.
log_fields attempt_fields(std::string_view event, const sink_state& sink,
                          const outbound_delivery& delivery, const attempt_result& result,
                          double duration_ms) {
  auto fields = log_fields(event);
  fields.add("sink", sink.config.name)
      .add("webhook_id", delivery.webhook_id)
      .add("alert_id", delivery.alert_id)
      .add("attempt", static_cast<std::uint64_t>(delivery.attempts + 1));
  if (result.status != 0) {
    fields.add("status", std::uint64_t{result.status});
  }
  fields.add_ms("duration_ms", duration_ms);
  return fields;
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
      .count();
}

}  // namespace

std::optional<std::string> delivery_engine::load_payload(const outbound_delivery& delivery,
                                                         attempt_result& failed) {
  try {
    auto payload = payload_for_(delivery.alert_id);
    if (!payload) {
      counters_.dropped.fetch_add(1, std::memory_order_relaxed);
      options_.logger->info(log_fields("webhook_dropped")
                                .add("webhook_id", delivery.webhook_id)
                                .add("alert_id", delivery.alert_id)
                                .add("reason", "alert no longer exists")
                                .text());
      check_store_write(store_.mark_delivered(delivery.id), "mark_delivered", delivery);
    }
    return payload;
  } catch (const std::exception& error) {
    failed.error = std::string("payload: ") + error.what();
    return std::nullopt;
  }
}

asio::awaitable<void> delivery_engine::deliver(sink_state& sink, outbound_delivery delivery) {
  if (stopping_) {
    release(delivery);  // spawned just before the stop: not yet in flight
    co_return;
  }
  const auto started = std::chrono::steady_clock::now();
  attempt_result result;
  auto payload = load_payload(delivery, result);
  if (!payload && result.error.empty()) {
    co_return;  // dropped
  }
  if (payload) {
    auto request = make_request(sink, delivery, std::move(*payload), now_unix_ms() / 1000,
                                options_.user_agent);
    auto attempt = std::make_shared<http_attempt>(
        context_.get_executor(), sink.url.tls ? sink.tls : nullptr, sink.config.verify_tls);
    attempts_.emplace(delivery.id, attempt);
    result = co_await attempt->post(sink.url, std::move(request),
                                    std::chrono::milliseconds(sink.config.timeout_ms));
    attempts_.erase(delivery.id);
    if (attempt->aborted()) {
      release(delivery);  // cut off by stop(): not the receiver's failure
      co_return;
    }
  }
  settle(sink, delivery, result, elapsed_ms(started));
}

void delivery_engine::settle(sink_state& sink, const outbound_delivery& delivery,
                             const attempt_result& result, double duration_ms) {
  const std::int64_t now_ms = now_unix_ms();
  std::uniform_real_distribution<double> jitter(-1.0, 1.0);
  const delivery_decision decision = decide_next_step(
      result, delivery.attempts, sink.config.retry_schedule_ms, now_ms, jitter(random_));
  if (decision.step == delivery_step::delivered) {
    counters_.delivered.fetch_add(1, std::memory_order_relaxed);
    options_.logger->info(
        attempt_fields("webhook_delivered", sink, delivery, result, duration_ms).text());
    check_store_write(store_.mark_delivered(delivery.id), "mark_delivered", delivery);
    return;
  }
  counters_.failed_attempts.fetch_add(1, std::memory_order_relaxed);
  auto fields = attempt_fields("webhook_failed", sink, delivery, result, duration_ms);
  on_failed(sink, delivery, decision, now_ms, fields.add("error", decision.last_error));
}

void delivery_engine::on_failed(sink_state& sink, const outbound_delivery& delivery,
                                const delivery_decision& decision, std::int64_t now_ms,
                                log_fields& fields) {
  switch (decision.step) {
    case delivery_step::retry:
      options_.logger->warn(
          fields.add("retry_in_ms", static_cast<std::uint64_t>(decision.next_attempt_ms - now_ms))
              .text());
      check_store_write(store_.reschedule(delivery.id, decision.attempts, decision.next_attempt_ms,
                                          decision.last_error),
                        "reschedule", delivery);
      return;
    case delivery_step::bury:
      counters_.dead_lettered.fetch_add(1, std::memory_order_relaxed);
      options_.logger->warn(fields.text());
      options_.logger->error(log_fields("webhook_dead")
                                 .add("sink", sink.config.name)
                                 .add("webhook_id", delivery.webhook_id)
                                 .add("alert_id", delivery.alert_id)
                                 .add("attempts", static_cast<std::uint64_t>(decision.attempts))
                                 .add("error", decision.last_error)
                                 .text());
      check_store_write(store_.bury(delivery.id, decision.attempts, now_ms, decision.last_error),
                        "bury", delivery);
      return;
    case delivery_step::disable_sink:
      options_.logger->warn(fields.text());
      options_.logger->error(log_fields("webhook_sink_disabled")
                                 .add("sink", sink.config.name)
                                 .add("reason", "receiver answered 410 Gone")
                                 .text());
      check_store_write(store_.disable_sink(sink.config.name, now_ms, "410 Gone"), "disable_sink",
                        delivery);
      check_store_write(
          store_.reschedule(delivery.id, decision.attempts, now_ms, decision.last_error),
          "reschedule", delivery);
      release_backlog(sink);
      return;
    case delivery_step::delivered:
      return;
  }
}

void delivery_engine::check_store_write(bool written, std::string_view operation,
                                        const outbound_delivery& delivery) {
  if (!written) {
    // The row keeps its lease and comes back when it expires: at-least-once, never lost.
    options_.logger->error(log_fields("webhook_store_error")
                               .add("operation", operation)
                               .add("webhook_id", delivery.webhook_id)
                               .text());
  }
}

}  // namespace sentinelle
