#include "storage/postgres/pg_commit_fanout.hpp"

#include <utility>

namespace sentinelle::pg {

void commit_fanout::set_listener(std::function<void(const commit_notice&)> listener) {
  std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

bool commit_fanout::publish_local(const commit_notice& notice) {
  if (notice.records.empty() && notice.score_groups.empty()) {
    return true;
  }
  std::lock_guard lock(mutex_);
  // Seqs are consecutive unless another instance (or a rolled-back batch) took some between:
  // then the stream is read up to and including this commit, which publishes it too.
  if (!notice.records.empty() && notice.records.front().seq > published_seq_ + 1 &&
      !replay_after_cursor({})) {
    deliver({{}, notice.score_groups});
    return false;
  }
  commit_notice fresh{{}, notice.score_groups};
  for (const stream_record& record : notice.records) {
    if (record.seq > published_seq_) {  // the listener may have published it already
      fresh.records.push_back(record);
      published_seq_ = record.seq;
    }
  }
  deliver(fresh);
  return true;
}

bool commit_fanout::catch_up(const std::vector<score_group>& groups) {
  std::lock_guard lock(mutex_);
  return replay_after_cursor(groups);
}

bool commit_fanout::replay_after_cursor(std::vector<score_group> groups) {
  for (;;) {
    commit_notice chunk;
    if (!replay_(published_seq_, replay_chunk, chunk.records)) {
      deliver({{}, std::move(groups)});
      return false;
    }
    const bool last = chunk.records.size() < replay_chunk;
    if (!chunk.records.empty()) {
      published_seq_ = chunk.records.back().seq;
    }
    if (last) {
      chunk.score_groups = std::move(groups);
    }
    deliver(chunk);
    if (last) {
      return true;
    }
  }
}

void commit_fanout::deliver(const commit_notice& notice) {
  if (!listener_ || (notice.records.empty() && notice.score_groups.empty())) {
    return;
  }
  try {
    listener_(notice);
  } catch (...) {  // NOLINT(bugprone-empty-catch): a console's failure must not stop the writer
  }
}

}  // namespace sentinelle::pg
