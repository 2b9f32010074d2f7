#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sentinelle {

// One pending delivery of an alert to one outbound sink ([[sinks.webhook]]). Rows are written in
// the transaction that stores the alert, so a committed alert always has its deliveries queued.
struct outbound_delivery {
  std::int64_t id = 0;          // the outbox row
  std::string webhook_id;       // stable across every attempt: the receiver's dedup key
  std::string sink;             // the sink's name
  std::string alert_id;
  int attempts = 0;             // attempts already made (0 for a fresh row)
  std::int64_t created_at_ms = 0;
  std::int64_t next_attempt_ms = 0;
  std::string last_error;
};

// A delivery that exhausted its schedule, kept for an admin to read and replay.
struct dead_letter {
  std::int64_t id = 0;
  std::string webhook_id;
  std::string sink;
  std::string alert_id;
  int attempts = 0;
  std::int64_t created_at_ms = 0;
  std::int64_t died_at_ms = 0;
  std::string last_error;
};

// The persistent outbox the delivery worker drains. Every call is synchronous and thread-safe;
// writes are durable when they return true.
class outbox_store {
 public:
  virtual ~outbox_store() = default;

  // Claims up to `limit` deliveries due at `now_ms` whose sink is not disabled, oldest first,
  // by moving their next attempt to `now_ms + lease_ms`: a worker that dies mid-delivery leaves
  // them to be retried once the lease expires (at-least-once).
  virtual std::vector<outbound_delivery> claim_due(std::int64_t now_ms, std::int64_t lease_ms,
                                                   std::size_t limit) = 0;
  // The earliest next attempt among pending deliveries of enabled sinks, if any.
  virtual std::optional<std::int64_t> next_due_ms() = 0;

  virtual bool mark_delivered(std::int64_t id) = 0;
  virtual bool reschedule(std::int64_t id, int attempts, std::int64_t next_attempt_ms,
                          const std::string& last_error) = 0;
  // Moves the row to the dead letters.
  virtual bool bury(std::int64_t id, int attempts, std::int64_t now_ms,
                    const std::string& last_error) = 0;
  // A sink that answered 410 Gone: its deliveries stay queued but are no longer claimed.
  virtual bool disable_sink(const std::string& sink, std::int64_t now_ms,
                            const std::string& reason) = 0;
  virtual bool sink_disabled(const std::string& sink) = 0;

  virtual std::vector<dead_letter> dead_letters(std::size_t limit) = 0;
  // Queues a dead letter again (attempts reset, due now, same webhook-id); false if unknown.
  virtual bool replay_dead_letter(std::int64_t id, std::int64_t now_ms) = 0;
  virtual std::int64_t pending_deliveries() = 0;  // for tests and /metrics
};

}  // namespace sentinelle
