#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/postgres/pg_notification_listener.hpp"

namespace sentinelle::pg {

// The one place a store hands commits to its on_commit listener, its own and other instances'
// (postgres/README.md, "Fan-out"). Seqs are global: one "published up to" cursor, guarded by one
// mutex held while the listener runs, so the listener sees every stream record once, in seq
// order, whichever thread found it. A seq below a record being published is always final
// (the alert stream lock orders commits by seq), so reading the stream after the cursor and
// before that record fills any gap another instance left.
class commit_fanout {
 public:
  using replay_function =
      std::function<bool(std::int64_t after_seq, std::size_t limit, std::vector<stream_record>&)>;
  static constexpr std::size_t replay_chunk = 500;

  // `published_seq`: the stream's end when the store opened (older records are history).
  commit_fanout(std::int64_t published_seq, replay_function replay)
      : replay_(std::move(replay)), published_seq_(published_seq) {}

  void set_listener(std::function<void(const commit_notice&)> listener);

  // The writer's commit. False when records committed before it by other instances could not
  // be read: nothing of the stream was published then (its score groups were), and the caller
  // asks for a catch-up, which publishes them all in order.
  bool publish_local(const commit_notice& notice);
  // The notification listener's wake: every record committed after the cursor, and `groups`
  // (other instances' score changes). False when the stream could not be read.
  bool catch_up(const std::vector<score_group>& groups);

 private:
  // With mutex_ held: publishes everything after the cursor, in chunks.
  bool replay_after_cursor(std::vector<score_group> groups);
  void deliver(const commit_notice& notice);

  replay_function replay_;
  std::mutex mutex_;  // held while publishing: one publisher at a time, in seq order
  std::int64_t published_seq_;
  std::function<void(const commit_notice&)> listener_;
};

}  // namespace sentinelle::pg
