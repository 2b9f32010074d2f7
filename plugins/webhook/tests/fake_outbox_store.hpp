#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/outbox_store.hpp"

namespace sentinelle::testing {

// An in-memory outbox with the semantics outbox_store documents (claim = lease, disabled sinks
// skipped, oldest due first), and a record of what the worker asked of it.
class fake_outbox_store final : public outbox_store {
 public:
  struct reschedule_call {
    std::int64_t id = 0;
    int attempts = 0;
    std::int64_t next_attempt_ms = 0;
    std::string last_error;
    std::int64_t called_at_ms = 0;
  };

  // Queues a delivery of `alert_id` to `sink`, due at `due_ms` (0: now); webhook_id "msg_<id>".
  std::int64_t add(const std::string& sink, const std::string& alert_id, std::int64_t due_ms = 0);

  std::optional<outbound_delivery> pending(std::int64_t id) const;
  bool delivered(std::int64_t id) const;
  std::optional<dead_letter> dead(std::int64_t id) const;
  std::vector<reschedule_call> reschedules(std::int64_t id) const;
  std::vector<std::string> disable_calls() const;
  std::size_t claim_calls() const;

  std::vector<outbound_delivery> claim_due(std::int64_t now_ms, std::int64_t lease_ms,
                                           std::size_t limit) override;
  std::optional<std::int64_t> next_due_ms() override;
  bool mark_delivered(std::int64_t id) override;
  bool reschedule(std::int64_t id, int attempts, std::int64_t next_attempt_ms,
                  const std::string& last_error) override;
  bool bury(std::int64_t id, int attempts, std::int64_t now_ms,
            const std::string& last_error) override;
  bool disable_sink(const std::string& sink, std::int64_t now_ms,
                    const std::string& reason) override;
  bool sink_disabled(const std::string& sink) override;
  std::vector<dead_letter> dead_letters(std::size_t limit) override;
  bool replay_dead_letter(std::int64_t id, std::int64_t now_ms) override;
  std::int64_t pending_deliveries() override;

 private:
  mutable std::mutex mutex_;
  std::int64_t next_id_ = 1;
  std::map<std::int64_t, outbound_delivery> pending_;
  std::set<std::int64_t> delivered_;
  std::map<std::int64_t, dead_letter> dead_;
  std::set<std::string> disabled_;
  std::vector<std::string> disable_calls_;
  std::vector<reschedule_call> reschedules_;
  std::size_t claim_calls_ = 0;
};

}  // namespace sentinelle::testing
