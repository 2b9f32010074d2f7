#include "sinks/console_hub.hpp"

#include <algorithm>

#include "alerts/alert_json.hpp"

namespace sentinelle {
namespace {

// Records read from the store per replay query.
constexpr std::size_t replay_page = 500;
// Live records a console may accumulate while its replay runs; beyond it the console is cut
// and resumes from its last seq (nothing is lost: the store has it all).
constexpr std::size_t max_buffered = 10000;

}  // namespace

bool console_filter::matches(const alert& subject) const {
  return subject.level >= min_severity && (team_id.empty() || subject.team_id == team_id) &&
         (agent_id.empty() || subject.agent_id == agent_id);
}

bool console_subscription::send_record(const stream_record& record, const std::string& json) {
  last_seq_ = record.seq;  // even when filtered out: the console's position moves on
  if (closed_ || !filter_.matches(record.subject)) {
    return !closed_;
  }
  if (!send_(json, record.seq)) {
    closed_ = true;
  }
  return !closed_;
}

void console_subscription::offer(const stream_record& record, const std::string& json) {
  std::lock_guard lock(mutex_);
  if (closed_ || record.seq <= last_seq_) {
    return;
  }
  if (catching_up_) {
    if (buffered_.size() >= max_buffered) {
      closed_ = true;
      close_();
      return;
    }
    buffered_.emplace_back(record, json);
    return;
  }
  send_record(record, json);
}

bool console_subscription::replayed(const std::vector<stream_record>& records) {
  std::lock_guard lock(mutex_);
  for (const stream_record& record : records) {
    if (record.seq > last_seq_ && !send_record(record, stream_message_json(record))) {
      return false;
    }
    last_seq_ = std::max(last_seq_, record.seq);
  }
  return !closed_;
}

void console_subscription::go_live() {
  std::lock_guard lock(mutex_);
  for (const auto& [record, json] : buffered_) {
    if (record.seq > last_seq_) {
      send_record(record, json);
    }
  }
  buffered_.clear();
  catching_up_ = false;
}

void console_subscription::close() {
  std::lock_guard lock(mutex_);
  if (!closed_) {
    closed_ = true;
    close_();
  }
}

bool console_subscription::send_other(const std::string& json) {
  std::lock_guard lock(mutex_);
  if (closed_ || catching_up_) {
    return !closed_;
  }
  closed_ = !send_(json, std::nullopt);
  return !closed_;
}

bool console_subscription::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::shared_ptr<console_subscription> console_hub::subscribe(console_filter filter,
                                                             std::optional<std::int64_t> since,
                                                             console_send send,
                                                             console_close close) {
  auto subscription = std::make_shared<console_subscription>(
      std::move(filter), std::move(send), std::move(close), since.value_or(0));
  {
    std::lock_guard lock(mutex_);
    subscriptions_.push_back(subscription);  // first, so nothing committed meanwhile is missed
  }
  std::int64_t after = since.value_or(0);
  std::size_t replayed = 0;
  while (since) {
    std::vector<stream_record> page;
    const std::size_t wanted = std::min(replay_page, replay_limit_ - replayed);
    if (!store_.replay(after, wanted, page)) {
      unsubscribe(subscription);
      return nullptr;
    }
    if (page.empty() || !subscription->replayed(page)) {
      break;
    }
    after = page.back().seq;
    replayed += page.size();
    if (page.size() < wanted) {
      break;
    }
    if (replayed >= replay_limit_) {
      subscription->close();  // more missed than one replay takes: resume on reconnection
      return subscription;
    }
  }
  subscription->go_live();
  return subscription;
}

void console_hub::unsubscribe(const std::shared_ptr<console_subscription>& subscription) {
  std::lock_guard lock(mutex_);
  std::erase(subscriptions_, subscription);
}

std::vector<std::shared_ptr<console_subscription>> console_hub::snapshot() const {
  std::lock_guard lock(mutex_);
  return subscriptions_;
}

void console_hub::publish(const std::vector<stream_record>& records) {
  if (records.empty()) {
    return;
  }
  const auto consoles = snapshot();
  if (consoles.empty()) {
    return;
  }
  for (const stream_record& record : records) {
    const std::string json = stream_message_json(record);  // rendered once for every console
    for (const auto& console : consoles) {
      console->offer(record, json);
    }
  }
}

void console_hub::broadcast(
    const std::function<std::optional<std::string>(const console_filter&)>& render) {
  for (const auto& console : snapshot()) {
    if (const auto json = render(console->filter())) {
      console->send_other(*json);
    }
  }
}

std::size_t console_hub::subscribers() const {
  std::lock_guard lock(mutex_);
  return subscriptions_.size();
}

}  // namespace sentinelle
