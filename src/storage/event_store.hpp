#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alerts/alert.hpp"
#include "storage/event.hpp"

namespace sentinelle {

// Which events to delete for good (CONTRACT §4 Operations and privacy): a customer's, a social
// author's, or those older than the retention period. Their alerts and pending deliveries go
// with them and the scores no longer count them.
struct erasure_request {
  enum class match : std::uint8_t { customer_id, author_id, occurred_before } by =
      match::customer_id;
  std::string value;                // the customer or author id
  std::int64_t before_ms = 0;       // occurred_before: events strictly older
  std::size_t limit = 0;            // at most this many events (0 = all): retention purges in
                                    // slices so ingestion is never held up for long
};

struct erasure_result {
  bool ok = false;
  std::string error;
  std::int64_t events = 0;  // deleted
  std::int64_t alerts = 0;
};

// What happened to one event of a committed batch.
enum class store_outcome : std::uint8_t {
  stored,     // new
  duplicate,  // already stored, unchanged (an `add`)
  revised,    // an `edit` replaced the stored text
  erased,     // an `erase` erased the stored text
  missing     // an `erase` of an event never stored: nothing to do
};

// The alert an event raised when it was stored.
struct alert_ref {
  std::string id;
  std::int64_t seq = 0;
  severity level = severity::low;
};

struct store_result {
  bool ok = false;            // false: nothing of the batch was stored (storage failure)
  std::string error;          // why, when !ok
  std::vector<store_outcome> outcomes;  // one per event, in order, when ok
  std::vector<std::optional<alert_ref>> alerts;  // one per event when ok: the alert it raised
};

// Where outbound deliveries go: a webhook sink's name and the least severity it takes.
struct outbound_route {
  std::string sink;
  severity min_severity = severity::low;
};

// SQLite: how far the score rollups may trail the committed events before the writer folds the
// pending counts into them (storage/README.md, "Rollups"). Scores count the events above the
// fold from their rows, so answers never trail; these bound that extra reading.
struct rollup_fold_policy {
  std::size_t max_events = 1000;
  std::chrono::milliseconds max_age{100};
};

struct store_options {
  std::vector<outbound_route> outbound;  // each new alert queues one delivery per route it passes
  rollup_fold_policy rollup_fold;
  // SQLite: the events one step of a customer's or author's erasure scan reads on the writer,
  // between two groups (~4 ms for 100,000; storage/README.md, "Erasure and retention").
  std::int64_t erasure_scan_slice = 100'000;
};

// GET /v1/alerts (CONTRACT §4 Alerts): newest first, `before_seq` is the cursor.
struct alert_filter {
  std::optional<alert_status> status;  // nullopt = all
  severity min_severity = severity::low;
  std::string team_id;                 // empty = any
  std::string agent_id;
  std::optional<std::int64_t> before_seq;
  std::size_t limit = 50;
};

struct alert_page {
  bool ok = false;
  std::string error;
  std::vector<alert> alerts;
  std::optional<std::int64_t> next_before_seq;  // the next page's cursor; nullopt at the end
};

enum class alert_action : std::uint8_t { acknowledge, resolve };

struct alert_change {
  std::int64_t seq = 0;  // the alert
  alert_action action = alert_action::acknowledge;
  std::string by;
  std::string note;      // resolve only
  std::int64_t at_ms = 0;
};

struct alert_change_result {
  enum class outcome : std::uint8_t { changed, unchanged, not_found, failed } result =
      outcome::failed;
  std::string error;
  std::optional<alert> state;  // the alert after the change (changed or unchanged)
};

// What one commit changed, for the live consoles: the new stream records (alerts created or
// changed) in seq order, and the score groups whose totals moved, as (dimension, value) pairs
// ("" and "" for the total).
struct commit_notice {
  std::vector<stream_record> records;
  std::vector<std::pair<std::string, std::string>> score_groups;
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
  // Alerts raised by the group's events, and those of them still `open` (neither acknowledged
  // nor resolved): the same meaning as GET /v1/alerts?status=open (docs/alerts.md).
  std::int64_t alerts_total = 0, alerts_open = 0;
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
  // Alerts (CONTRACT §4). Changes go through the writer like events: `done` runs once durable.
  virtual alert_page list_alerts(const alert_filter& filter) = 0;
  virtual std::optional<alert> find_alert(std::int64_t seq) = 0;
  virtual void change_alert(alert_change change, std::function<void(alert_change_result)> done) = 0;

  // The console stream after `after_seq`, oldest first, at most `limit` records; ok=false on
  // a storage error.
  virtual bool replay(std::int64_t after_seq, std::size_t limit,
                      std::vector<stream_record>& records) = 0;
  // Called after each commit that created or changed alerts or scores, one call at a time, in
  // commit order (so seqs reach it increasing). SQLite calls it on the writer thread; the
  // PostgreSQL store also on its listener thread, for the commits of other instances
  // (storage/postgres/README.md). Set once, before the first store().
  virtual void on_commit(std::function<void(const commit_notice&)> listener) = 0;

  // Deletes the matching events in one transaction (rollups adjusted, alerts and their
  // deliveries deleted); `done` runs once durable.
  virtual void erase(erasure_request request, std::function<void(erasure_result)> done) = 0;

  // Where the `done` of store() runs. By default on the store's writer thread, right after the
  // commit. A server hands them to its own threads instead (`run_answers` runs one closure
  // soon, on any thread of its choice), so that the writer, the pipeline's serial stage,
  // starts the next group at once. Set before the first store(), reset after the last flush().
  using answer_executor = std::function<void(std::function<void()>)>;
  virtual void answer_on(answer_executor run_answers) { (void)run_answers; }

  virtual bool ready() = 0;                  // storage reachable
  virtual std::int64_t count_events() = 0;   // for tests and /metrics
  // Waits until everything handed to store() has been committed or failed.
  virtual void flush() = 0;
};

}  // namespace sentinelle
