#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/event.hpp"

namespace sentinelle {

// What happened to one event of a committed batch.
enum class store_outcome : std::uint8_t { stored, duplicate };

struct store_result {
  bool ok = false;            // false: nothing of the batch was stored (storage failure)
  std::string error;          // why, when !ok
  std::vector<store_outcome> outcomes;  // one per event, in order, when ok
};

// Score dimensions (CONTRACT §4 Scores): group_by and filters name one of these.
enum class dimension : std::uint8_t {
  agent_id, team_id, queue, channel, touchpoint, platform
};
enum class time_bucket : std::uint8_t { day, week, month };

struct score_query {
  std::int64_t from_ms = 0;  // inclusive
  std::int64_t to_ms = 0;    // exclusive
  std::optional<dimension> group_by_dimension;
  std::optional<time_bucket> group_by_time;  // at most one of the two group_by fields is set
  std::vector<std::pair<dimension, std::string>> filters;
};

// Raw counts of one group; the caller turns them into NPS / CSAT / CES figures.
struct score_totals {
  std::string key;  // the group's value ("a-17", "2026-11-20"); empty for the total
  std::int64_t nps_promoters = 0, nps_passives = 0, nps_detractors = 0;
  std::int64_t csat_responses = 0, csat_satisfied = 0, csat_sum = 0;
  std::int64_t ces_responses = 0, ces_easy = 0, ces_sum = 0;
  std::int64_t verbatims = 0, negative_verbatims = 0;
  double sentiment_sum = 0.0;
};

struct score_answer {
  bool ok = false;
  std::string error;
  score_totals total;
  std::vector<score_totals> groups;  // ordered by key
};

// The storage stage of the pipeline (STYLE.md): durable, idempotent by (kind, source, id).
// Implementations must make a batch all-or-nothing and call `done` only once the batch is
// durably committed (or has failed); `done` may run on another thread.
class event_store {
 public:
  virtual ~event_store() = default;

  // Stores a batch atomically; duplicates (already stored, or repeated inside the batch) change
  // nothing and are reported as such.
  virtual void store(std::vector<event> batch, std::function<void(store_result)> done) = 0;

  virtual std::optional<event> find(event_kind kind, const std::string& source,
                                    const std::string& id) = 0;
  virtual score_answer scores(const score_query& query) = 0;
  virtual bool ready() = 0;                  // storage reachable
  virtual std::int64_t count_events() = 0;   // for tests and /metrics
  // Waits until everything handed to store() has been committed or failed.
  virtual void flush() = 0;
};

}  // namespace sentinelle
