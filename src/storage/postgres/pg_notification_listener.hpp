#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "storage/event_store.hpp"

namespace sentinelle::pg {

class connection;

// The channel every commit that created stream records or moved scores notifies, in its
// transaction (so only if it commits): other instances listen to it (postgres/README.md,
// "Fan-out").
inline constexpr std::string_view alerts_channel = "sentinelle_alerts";

using score_group = std::pair<std::string, std::string>;  // (dimension, value), "" "" the total

// The notification's payload: the commit's last stream seq (0 when it has none), then one line
// per score group it moved, "dimension\tvalue". NOTIFY takes under 8000 bytes: a commit that
// moved more groups than fit, or a value that cannot be written so, names the total instead.
std::string notification_payload(const commit_notice& notice);
void read_notification_payload(std::string_view payload, std::vector<score_group>& groups);

// One connection per store that LISTENs on `alerts_channel`, on its own thread, waiting on the
// connection's socket and on a pipe that stops it. `wake` runs on that thread:
// - after each connection: notifications sent while it was not listening are lost, so the
//   caller replays from what it has published (after a reconnection, with the total as the
//   moved score group);
// - after each burst of notifications from sessions other than `own_pid()` (this instance's
//   writer), with the groups they name;
// - after request_catch_up().
// `wake` returns false when it could not read the stream: it is called again shortly.
// A lost connection is reopened, waiting from 100 ms doubling to 5 s between attempts.
class notification_listener {
 public:
  using wake_function = std::function<bool(const std::vector<score_group>& groups)>;

  notification_listener(std::string url, std::function<int()> own_pid, wake_function wake);
  ~notification_listener();  // stops the thread: wake is never called after it returns
  notification_listener(const notification_listener&) = delete;
  notification_listener& operator=(const notification_listener&) = delete;

  // Waits until the first connection listens and its first wake has run, at most `timeout`;
  // false if it has not by then (the listener goes on trying).
  bool wait_until_listening(std::chrono::milliseconds timeout);
  // Any thread: call `wake` again soon, even without a notification.
  void request_catch_up();
  // The listening session's backend pid, 0 while disconnected (tests terminate it).
  int backend_pid() const { return backend_pid_.load(); }

 private:
  void run();
  // Returns when the connection is lost or the listener stops.
  void listen_on(connection& db, std::vector<score_group> groups);
  void drain_pipe();
  void signal();
  bool sleep_unless_stopped(int milliseconds);

  std::string url_;
  std::function<int()> own_pid_;
  wake_function wake_;
  int wake_pipe_[2] = {-1, -1};  // a byte written to [1] interrupts the wait
  std::atomic<bool> stopping_{false};
  std::atomic<bool> catch_up_requested_{false};
  std::atomic<int> backend_pid_{0};
  std::mutex started_mutex_;
  std::condition_variable started_changed_;
  bool started_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace sentinelle::pg
