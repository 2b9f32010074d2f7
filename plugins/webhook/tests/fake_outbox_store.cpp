#include "fake_outbox_store.hpp"

#include <algorithm>

#include "util/time.hpp"

namespace sentinelle::testing {

std::int64_t fake_outbox_store::add(const std::string& sink, const std::string& alert_id,
                                    std::int64_t due_ms) {
  const std::lock_guard lock(mutex_);
  const std::int64_t id = next_id_++;
  const std::int64_t now_ms = now_unix_ms();
  pending_[id] = outbound_delivery{id,     "msg_" + std::to_string(id),   sink, alert_id, 0,
                                   now_ms, due_ms == 0 ? now_ms : due_ms, ""};
  return id;
}

std::optional<outbound_delivery> fake_outbox_store::pending(std::int64_t id) const {
  const std::lock_guard lock(mutex_);
  const auto found = pending_.find(id);
  return found == pending_.end() ? std::nullopt : std::optional(found->second);
}

bool fake_outbox_store::delivered(std::int64_t id) const {
  const std::lock_guard lock(mutex_);
  return delivered_.contains(id);
}

std::optional<dead_letter> fake_outbox_store::dead(std::int64_t id) const {
  const std::lock_guard lock(mutex_);
  const auto found = dead_.find(id);
  return found == dead_.end() ? std::nullopt : std::optional(found->second);
}

std::vector<fake_outbox_store::reschedule_call> fake_outbox_store::reschedules(
    std::int64_t id) const {
  const std::lock_guard lock(mutex_);
  std::vector<reschedule_call> calls;
  std::copy_if(reschedules_.begin(), reschedules_.end(), std::back_inserter(calls),
               [id](const reschedule_call& call) { return call.id == id; });
  return calls;
}

std::vector<std::string> fake_outbox_store::disable_calls() const {
  const std::lock_guard lock(mutex_);
  return disable_calls_;
}

std::size_t fake_outbox_store::claim_calls() const {
  const std::lock_guard lock(mutex_);
  return claim_calls_;
}

std::vector<outbound_delivery> fake_outbox_store::claim_due(std::int64_t now_ms,
                                                            std::int64_t lease_ms,
                                                            std::size_t limit) {
  const std::lock_guard lock(mutex_);
  ++claim_calls_;
  std::vector<outbound_delivery*> due;
  for (auto& [id, delivery] : pending_) {
    if (delivery.next_attempt_ms <= now_ms && !disabled_.contains(delivery.sink)) {
      due.push_back(&delivery);
    }
  }
  std::stable_sort(due.begin(), due.end(), [](const auto* a, const auto* b) {
    return a->next_attempt_ms < b->next_attempt_ms;
  });
  std::vector<outbound_delivery> claimed;
  for (outbound_delivery* delivery : due) {
    if (claimed.size() == limit) {
      break;
    }
    delivery->next_attempt_ms = now_ms + lease_ms;
    claimed.push_back(*delivery);
  }
  return claimed;
}

std::optional<std::int64_t> fake_outbox_store::next_due_ms() {
  const std::lock_guard lock(mutex_);
  std::optional<std::int64_t> earliest;
  for (const auto& [id, delivery] : pending_) {
    if (!disabled_.contains(delivery.sink) && (!earliest || delivery.next_attempt_ms < *earliest)) {
      earliest = delivery.next_attempt_ms;
    }
  }
  return earliest;
}

bool fake_outbox_store::mark_delivered(std::int64_t id) {
  const std::lock_guard lock(mutex_);
  if (pending_.erase(id) == 0) {
    return false;
  }
  delivered_.insert(id);
  return true;
}

bool fake_outbox_store::reschedule(std::int64_t id, int attempts, std::int64_t next_attempt_ms,
                                   const std::string& last_error) {
  const std::lock_guard lock(mutex_);
  const auto found = pending_.find(id);
  if (found == pending_.end()) {
    return false;
  }
  found->second.attempts = attempts;
  found->second.next_attempt_ms = next_attempt_ms;
  found->second.last_error = last_error;
  reschedules_.push_back({id, attempts, next_attempt_ms, last_error, now_unix_ms()});
  return true;
}

bool fake_outbox_store::bury(std::int64_t id, int attempts, std::int64_t now_ms,
                             const std::string& last_error) {
  const std::lock_guard lock(mutex_);
  const auto found = pending_.find(id);
  if (found == pending_.end()) {
    return false;
  }
  const outbound_delivery& row = found->second;
  dead_[id] = dead_letter{id,       row.webhook_id,    row.sink, row.alert_id,
                          attempts, row.created_at_ms, now_ms,   last_error};
  pending_.erase(found);
  return true;
}

bool fake_outbox_store::disable_sink(const std::string& sink, std::int64_t, const std::string&) {
  const std::lock_guard lock(mutex_);
  disabled_.insert(sink);
  disable_calls_.push_back(sink);
  return true;
}

bool fake_outbox_store::sink_disabled(const std::string& sink) {
  const std::lock_guard lock(mutex_);
  return disabled_.contains(sink);
}

std::vector<dead_letter> fake_outbox_store::dead_letters(std::size_t limit) {
  const std::lock_guard lock(mutex_);
  std::vector<dead_letter> letters;
  for (const auto& [id, letter] : dead_) {
    if (letters.size() == limit) {
      break;
    }
    letters.push_back(letter);
  }
  return letters;
}

bool fake_outbox_store::replay_dead_letter(std::int64_t id, std::int64_t now_ms) {
  const std::lock_guard lock(mutex_);
  const auto found = dead_.find(id);
  if (found == dead_.end()) {
    return false;
  }
  const dead_letter& letter = found->second;
  pending_[id] = outbound_delivery{id, letter.webhook_id,    letter.sink, letter.alert_id,
                                   0,  letter.created_at_ms, now_ms,      letter.last_error};
  dead_.erase(found);
  return true;
}

std::int64_t fake_outbox_store::pending_deliveries() {
  const std::lock_guard lock(mutex_);
  return static_cast<std::int64_t>(pending_.size());
}

}  // namespace sentinelle::testing
