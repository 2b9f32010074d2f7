#include "api/event_pipeline.hpp"

#include <algorithm>

#include "api/analysis_scratch.hpp"
#include "api/event_json.hpp"
#include "classify/classifier.hpp"
#include "net/http_response.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {
namespace {

// What the answer needs once the store has spoken: each event's key and its verdict, rendered
// before the events move into the store (so they are not copied).
struct pending_answer {
  struct item {
    event_kind kind;
    std::string source;
    std::string id;
    std::string verdict_json;  // the members after "status": nps_category … reasons
  };
  std::vector<item> items;
  std::size_t skipped = 0;
};

std::string verdict_json(const event& e) {
  std::string out;
  json_writer json(out);
  append_verdict_json(json, e);
  return out;
}

// The alert a stored event raised earlier, for the answer to a duplicate.
std::optional<alert_ref> stored_alert(event_store& store, const std::string& alert_id) {
  const auto seq = alert_seq_from_id(alert_id);
  const auto found = seq ? store.find_alert(*seq) : std::nullopt;
  if (!found) {
    return std::nullopt;
  }
  return alert_ref{found->id, found->seq, found->level};
}

std::string_view status_name(store_outcome outcome) {
  switch (outcome) {
    case store_outcome::stored:
      return "accepted";
    case store_outcome::duplicate:
      return "duplicate";
    case store_outcome::revised:
      return "revised";
    case store_outcome::erased:
      return "erased";
    case store_outcome::missing:
      return "missing";
  }
  return "accepted";  // unreachable: every outcome is handled above
}

void append_alert_ref(json_writer& json, const std::optional<alert_ref>& raised) {
  json.key("alert");  // CONTRACT §4: null when no alert was raised
  if (raised) {
    json.begin_object().key("id").value(raised->id);
    json.key("severity").value(severity_name(raised->level)).end_object();
  } else {
    json.null();
  }
}

// The 200 answer: every event's id, status and verdict, in the order posted. What the store
// did not change (a duplicate) or changed from what it had (an edit, an erase) is read back,
// so the answer shows what is stored.
std::string ingest_answer(pending_answer& pending, const store_result& stored, event_store& store) {
  const auto duplicates = static_cast<std::size_t>(
      std::count(stored.outcomes.begin(), stored.outcomes.end(), store_outcome::duplicate));
  const auto accepted = static_cast<std::size_t>(
      std::count(stored.outcomes.begin(), stored.outcomes.end(), store_outcome::stored));
  std::string out;
  json_writer json(out);
  json.begin_object();
  json.key("accepted").value(static_cast<long long>(accepted));
  json.key("duplicates").value(static_cast<long long>(duplicates));
  json.key("skipped").value(static_cast<long long>(pending.skipped));
  json.key("results").begin_array();
  for (std::size_t i = 0; i < pending.items.size(); ++i) {
    auto& item = pending.items[i];
    const store_outcome outcome = stored.outcomes[i];
    std::optional<alert_ref> raised = i < stored.alerts.size() ? stored.alerts[i] : std::nullopt;
    if (outcome != store_outcome::stored && outcome != store_outcome::missing) {
      if (const auto kept = store.find(item.kind, item.source, item.id)) {
        item.verdict_json = verdict_json(*kept);
        raised = raised ? raised : stored_alert(store, kept->alert_id);
      }
    }
    json.begin_object().key("id").value(item.id);
    json.key("status").value(status_name(outcome));
    out.push_back(',');
    out.append(item.verdict_json);
    append_alert_ref(json, raised);
    json.end_object();
  }
  json.end_array().end_object();
  return out;
}

}  // namespace

event_pipeline::event_pipeline(const analyzer& engine, const pii_redactor* redactor,
                               event_store& store, severity_policy severities,
                               std::size_t max_pending_events)
    : analyzer_(engine),
      redactor_(redactor),
      store_(store),
      severities_(std::move(severities)),
      max_pending_events_(max_pending_events),
      pending_events_(std::make_shared<std::atomic<std::size_t>>(0)) {}

void event_pipeline::conclude(event& e) const {
  if (e.change == event_change::erase) {
    return;  // nothing left to analyse: the store erases the text and retracts the alert
  }
  // Personal data goes before the text is analysed, stored, alerted on or broadcast; the
  // analysis offsets are then into the stored, redacted text (redact/README.md).
  if (redactor_ != nullptr) {
    redactor_->redact_in_place(e.verbatim);
  }
  auto& [workspace, result] = thread_analysis_scratch();
  const bool has_verbatim = !e.verbatim.empty();
  if (has_verbatim) {
    analyzer_.analyze(e.verbatim, workspace, result);
    e.analysis_json.clear();
    // Stored and answered with the matches consoles highlight, not the full explanation: the
    // sources and rules made each stored event four times larger and ingestion 20-40 % slower.
    append_analysis_json(result, e.verbatim, analyzer_.lexicon_in_use(), analysis_detail::matches,
                         e.analysis_json);
    e.analysis_record.clear();
    append_analysis_record(result, e.verbatim, analyzer_.lexicon_in_use(), e.analysis_record);
    e.sentiment_score = result.score;
  }
  const classification verdict = classify(e, has_verbatim ? &result : nullptr);
  e.detractor = verdict.detractor;
  e.negative_verbatim = verdict.negative_verbatim;
  e.reasons = verdict.reasons;
  // Every detractor raises an alert; its severity is the policy's (docs/classification.md).
  e.alert_severity = verdict.detractor ? severities_.assess(e.reasons) : std::nullopt;
}

void event_pipeline::submit(delivery batch, responder reply) {
  auto pending = std::make_shared<pending_answer>();
  pending->skipped = batch.skipped;
  if (batch.events.empty()) {
    reply.send(json_response(200, ingest_answer(*pending, store_result{true, {}, {}, {}}, store_)));
    return;
  }
  const std::size_t count = batch.events.size();
  if (pending_events_->fetch_add(count) + count > max_pending_events_) {
    pending_events_->fetch_sub(count);
    http_response busy = json_error(503, "unavailable", "too many events wait for storage; retry");
    busy.headers.emplace_back("Retry-After", "1");
    reply.send(std::move(busy));
    return;
  }
  pending->items.reserve(count);
  for (event& e : batch.events) {
    conclude(e);
    pending->items.push_back({e.kind, e.source, e.id, verdict_json(e)});
  }
  event_store& store = store_;
  store_.store(std::move(batch.events), [reply, pending, &store, count,
                                         waiting = pending_events_](store_result stored) {
    waiting->fetch_sub(count);
    if (!stored.ok) {
      reply.send(json_error(503, "unavailable", "the events could not be stored; retry"));
      return;
    }
    reply.send(json_response(200, ingest_answer(*pending, stored, store)));
  });
}

}  // namespace sentinelle
