#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "sinks/console_hub.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {

// `scores` console messages (CONTRACT §4 Live consoles): the groups whose totals a commit moved
// are collected, and at most once per interval their current totals over the last 30 days are
// read from the rollups and sent, so a burst of events costs one message, not one per event.
class scores_feed {
 public:
  scores_feed(event_store& store, console_hub& hub, std::uint32_t interval_ms);
  ~scores_feed();
  scores_feed(const scores_feed&) = delete;
  scores_feed& operator=(const scores_feed&) = delete;

  // From the commit listener: (dimension, value) pairs, "" "" for the total.
  void changed(const std::vector<std::pair<std::string, std::string>>& groups);

 private:
  using group_key = std::pair<std::string, std::string>;
  void run();
  void push(const std::set<group_key>& groups);
  std::optional<std::string> render_for(const console_filter& filter,
                                        const std::vector<std::pair<group_key, std::string>>& all,
                                        std::int64_t from_ms, std::int64_t to_ms) const;

  event_store& store_;
  console_hub& hub_;
  const std::uint32_t interval_ms_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<group_key> dirty_;
  bool stopping_ = false;
  bool awaiting_changes_ = false;  // run() waits for changed(), not for its pause to end
  std::thread thread_;
};

}  // namespace sentinelle
