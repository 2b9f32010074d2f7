#include "storage/postgres/pg_notification_listener.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <memory>
#include <system_error>

#include "storage/postgres/pg_connection.hpp"

namespace sentinelle::pg {
namespace {

constexpr std::size_t max_payload_bytes = 7900;  // NOTIFY's limit is 8000
constexpr int first_backoff_ms = 100;
constexpr int last_backoff_ms = 5000;
constexpr int retry_wake_ms = 200;     // after a wake that could not read the stream
constexpr int idle_check_ms = 10'000;  // a silent connection is probed: a dead peer shows

bool writable_in_payload(const std::string& text) {
  return text.find_first_of("\t\n") == std::string::npos;
}

}  // namespace

std::string notification_payload(const commit_notice& notice) {
  std::string payload = std::to_string(notice.records.empty() ? 0 : notice.records.back().seq);
  std::vector<score_group> groups = notice.score_groups;
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  const std::size_t seq_part = payload.size();
  for (const auto& [dimension, value] : groups) {
    if (!writable_in_payload(dimension) || !writable_in_payload(value) ||
        payload.size() + dimension.size() + value.size() + 2 > max_payload_bytes) {
      payload.resize(seq_part);
      return payload + "\n\t";  // only the total: coarse, but every console gets fresh figures
    }
    payload.append("\n").append(dimension).append("\t").append(value);
  }
  return payload;
}

void read_notification_payload(std::string_view payload, std::vector<score_group>& groups) {
  std::size_t line_end = payload.find('\n');
  while (line_end != std::string_view::npos) {
    const std::size_t start = line_end + 1;
    line_end = payload.find('\n', start);
    const std::string_view line = payload.substr(
        start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    const std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      groups.emplace_back(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
  }
}

notification_listener::notification_listener(std::string url, std::function<int()> own_pid,
                                             wake_function wake)
    : url_(std::move(url)), own_pid_(std::move(own_pid)), wake_(std::move(wake)) {
  if (::pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    throw std::system_error(errno, std::generic_category(), "notification listener pipe");
  }
  thread_ = std::thread([this] { run(); });
}

notification_listener::~notification_listener() {
  stopping_ = true;
  signal();
  thread_.join();
  ::close(wake_pipe_[0]);
  ::close(wake_pipe_[1]);
}

bool notification_listener::wait_until_listening(std::chrono::milliseconds timeout) {
  std::unique_lock lock(started_mutex_);
  return started_changed_.wait_for(lock, timeout, [&] { return started_; });
}

void notification_listener::request_catch_up() {
  catch_up_requested_ = true;
  signal();
}

void notification_listener::signal() {
  const char byte = 1;
  // A full pipe already holds a wake-up: nothing is lost when this write fails.
  [[maybe_unused]] const ssize_t written = ::write(wake_pipe_[1], &byte, 1);
}

void notification_listener::drain_pipe() {
  char bytes[64];
  while (::read(wake_pipe_[0], bytes, sizeof bytes) > 0) {
  }
}

bool notification_listener::sleep_unless_stopped(int milliseconds) {
  pollfd wait{wake_pipe_[0], POLLIN, 0};
  ::poll(&wait, 1, milliseconds);
  drain_pipe();
  return !stopping_;
}

void notification_listener::run() {
  int backoff_ms = 0;
  bool first = true;
  while (!stopping_) {
    std::string error;
    const std::unique_ptr<connection> db = connection::open(url_, error);
    if (db != nullptr && db->exec("LISTEN " + std::string(alerts_channel), error)) {
      backoff_ms = 0;
      // Scores moved while it was not listening, unknown where: the total stands for them.
      listen_on(*db, first ? std::vector<score_group>{} : std::vector<score_group>{{"", ""}});
      first = false;
      backend_pid_ = 0;
    }
    backoff_ms = std::clamp(backoff_ms * 2, first_backoff_ms, last_backoff_ms);
    if (!sleep_unless_stopped(backoff_ms)) {
      return;
    }
  }
}

// One connection's life: wake once for what was missed, then once per burst of notifications.
void notification_listener::listen_on(connection& db, std::vector<score_group> groups) {
  backend_pid_ = PQbackendPID(db.raw());
  bool pending = true;
  for (;;) {
    if (pending && wake_(groups)) {
      pending = false;
      groups.clear();
    }
    if (!started_) {
      std::lock_guard lock(started_mutex_);
      started_ = true;
      started_changed_.notify_all();
    }
    pollfd waits[2] = {{PQsocket(db.raw()), POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    const int ready = ::poll(waits, 2, pending ? retry_wake_ms : idle_check_ms);
    if (stopping_ || waits[0].fd < 0 || (ready < 0 && errno != EINTR)) {
      return;
    }
    if (waits[1].revents != 0) {
      drain_pipe();
      pending = catch_up_requested_.exchange(false) || pending;
    }
    std::string error;
    if (ready == 0 && !pending && !db.exec("SELECT 1", error)) {
      return;  // the server or the network is gone: reconnect
    }
    if (PQconsumeInput(db.raw()) == 0 || db.broken()) {
      return;
    }
    while (PGnotify* notice = PQnotifies(db.raw())) {
      if (notice->be_pid != own_pid_()) {
        read_notification_payload(notice->extra, groups);
        pending = true;
      }
      PQfreemem(notice);
    }
  }
}

}  // namespace sentinelle::pg
