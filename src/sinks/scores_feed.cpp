#include "sinks/scores_feed.hpp"

#include "aggregate/score_summary.hpp"
#include "storage/rollup.hpp"
#include "util/json_writer.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

constexpr std::int64_t window_ms = 30LL * 86400000;  // the default period of GET /v1/scores
constexpr std::size_t max_groups = 200;              // per message: the busiest moments

}  // namespace

scores_feed::scores_feed(event_store& store, console_hub& hub, std::uint32_t interval_ms)
    : store_(store), hub_(hub), interval_ms_(interval_ms), thread_([this] { run(); }) {}

scores_feed::~scores_feed() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void scores_feed::changed(const std::vector<std::pair<std::string, std::string>>& groups) {
  if (groups.empty()) {
    return;
  }
  std::lock_guard lock(mutex_);
  dirty_.insert(groups.begin(), groups.end());
  // Only a feed waiting for changes needs waking: during its pause it would wake, find the
  // pause not over and sleep again, a context switch at every commit of the writer thread.
  if (awaiting_changes_) {
    wake_.notify_one();
  }
}

void scores_feed::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    awaiting_changes_ = true;
    wake_.wait(lock, [&] { return stopping_ || !dirty_.empty(); });
    awaiting_changes_ = false;
    if (stopping_) {
      return;
    }
    std::set<group_key> groups;
    groups.swap(dirty_);
    lock.unlock();
    if (hub_.subscribers() > 0) {
      push(groups);
    }
    lock.lock();
    // Coalescing: whatever changes during the pause goes into the next message.
    wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [&] { return stopping_; });
  }
}

void scores_feed::push(const std::set<group_key>& groups) {
  const std::int64_t to_ms = now_unix_ms();
  const std::int64_t from_ms = to_ms - window_ms;
  std::vector<std::pair<group_key, std::string>> rendered;
  for (const group_key& group : groups) {
    if (rendered.size() == max_groups) {
      break;
    }
    score_query query{from_ms, to_ms, {}, {}, {}};
    const auto which = dimension_from_name(group.first);
    if (which) {
      query.filters.emplace_back(*which, group.second);
    } else if (!group.first.empty()) {
      continue;
    }
    const score_answer answer = store_.scores(query);
    if (!answer.ok) {
      continue;
    }
    // The group object of GET /v1/scores with the dimension it belongs to (null: the total).
    std::string group_json;
    json_writer writer(group_json);
    score_totals totals = answer.total;
    totals.key = group.second;
    append_score_group(writer, totals);
    std::string labelled = "{\"dimension\":";
    if (group.first.empty()) {
      labelled += "null";
    } else {
      append_json_string(labelled, group.first);
    }
    labelled += ',';
    labelled.append(group_json, 1, std::string::npos);  // the group's members after its '{'
    rendered.emplace_back(group, std::move(labelled));
  }
  hub_.broadcast([&](const console_filter& filter) {
    return render_for(filter, rendered, from_ms, to_ms);
  });
}

// A console filtered by team or agent sees only its own group; others see every changed one.
std::optional<std::string> scores_feed::render_for(
    const console_filter& filter, const std::vector<std::pair<group_key, std::string>>& all,
    std::int64_t from_ms, std::int64_t to_ms) const {
  std::string out;
  json_writer json(out);
  json.begin_object().key("type").value("scores");
  json.key("from").value(format_rfc3339(from_ms)).key("to").value(format_rfc3339(to_ms));
  json.key("groups").begin_array();
  std::size_t sent = 0;
  for (const auto& [group, group_json] : all) {
    const bool wanted =
        (filter.team_id.empty() && filter.agent_id.empty()) ||
        (group.first == "team_id" && group.second == filter.team_id) ||
        (group.first == "agent_id" && group.second == filter.agent_id);
    if (!wanted) {
      continue;
    }
    json.raw(group_json);
    ++sent;
  }
  json.end_array().end_object();
  return sent == 0 ? std::nullopt : std::optional(out);
}

}  // namespace sentinelle
