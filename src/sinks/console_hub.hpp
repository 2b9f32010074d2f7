#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "alerts/alert.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {

// What a console asked to see (GET /v1/events, /v1/stream): empty strings match everything.
struct console_filter {
  std::string team_id;
  std::string agent_id;
  severity min_severity = severity::low;

  bool matches(const alert& subject) const;
};

// Sends one message to a console without blocking: false when the console is gone or cannot
// take more (its stream then closes; it replays from the store when it comes back).
using console_send = std::function<bool(const std::string& json, std::optional<std::int64_t> seq)>;
// Closes a console's stream (it fell too far behind during its replay).
using console_close = std::function<void()>;

class console_subscription;

// The fan-out of alerts to live consoles (STYLE.md, Beast chat-multi): the hub's lock only
// guards the set of subscriptions; publishing snapshots it and sends outside that lock. Each
// subscription keeps its own order: a console sees seqs strictly increasing, first what it
// missed (replayed from the store), then live records, with no gap and no repeat.
class console_hub {
 public:
  // A reconnecting console gets at most `replay_limit` records at once; if it missed more, its
  // stream is closed after them and it resumes from its last seq on reconnection.
  console_hub(event_store& store, std::size_t replay_limit)
      : store_(store), replay_limit_(replay_limit) {}

  // Registers a console; when `since` is set, replays what came after it first. Returns null
  // when the replay could not be read (the caller answers 503).
  std::shared_ptr<console_subscription> subscribe(console_filter filter,
                                                  std::optional<std::int64_t> since,
                                                  console_send send, console_close close);
  void unsubscribe(const std::shared_ptr<console_subscription>& subscription);

  // From the store's commit listener (writer thread, seq order).
  void publish(const std::vector<stream_record>& records);

  // Sends `json` to every console whose filter `wants` (scores messages, not replayed).
  void broadcast(const std::function<std::optional<std::string>(const console_filter&)>& render);

  std::size_t subscribers() const;

 private:
  std::vector<std::shared_ptr<console_subscription>> snapshot() const;

  event_store& store_;
  const std::size_t replay_limit_;
  mutable std::mutex mutex_;  // guards subscriptions_ only
  std::vector<std::shared_ptr<console_subscription>> subscriptions_;
};

// One console's place in the stream.
class console_subscription {
 public:
  // `after`: the console already has everything up to this seq (its Last-Event-ID / since), so
  // a record published late for an older commit is not sent again.
  console_subscription(console_filter filter, console_send send, console_close close,
                       std::int64_t after = 0)
      : filter_(std::move(filter)),
        send_(std::move(send)),
        close_(std::move(close)),
        last_seq_(after) {}

  const console_filter& filter() const { return filter_; }

  // Live records: buffered while the replay runs, then sent in order.
  void offer(const stream_record& record, const std::string& json);
  // Replay: `records` from the store, in seq order; false when the console is gone.
  bool replayed(const std::vector<stream_record>& records);
  // Ends the catch-up: the buffered live records newer than the replay are sent.
  void go_live();
  // Ends the stream (the console reconnects and resumes from its last seq).
  void close();
  bool send_other(const std::string& json);  // scores: no seq
  bool closed() const;

 private:
  bool send_record(const stream_record& record, const std::string& json);

  const console_filter filter_;
  const console_send send_;
  const console_close close_;
  mutable std::mutex mutex_;
  bool catching_up_ = true;
  bool closed_ = false;
  std::int64_t last_seq_ = 0;
  std::vector<std::pair<stream_record, std::string>> buffered_;
};

}  // namespace sentinelle
