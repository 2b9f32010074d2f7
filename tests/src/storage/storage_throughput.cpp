// Measures what storage/README.md reports; not a test (figures depend on the machine):
//   sentinelle_storage_throughput [DIRECTORY] [SECONDS]
// The databases go to DIRECTORY/sentinelle-storage-throughput (DIRECTORY: the temporary
// directory by default), removed before and after the run.
// 1. events/s acknowledged for 64 concurrent submitters of 1 event each, each waiting for its
//    acknowledgement before the next (like 64 HTTP clients);
// 2. the time of scores queries, and of erasing one customer, over 1,000,000 stored events.
// SENTINELLE_KEEP_DATABASES=1 keeps the databases, to look at query plans with sqlite3.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "storage/sqlite_event_store.hpp"

namespace {

using namespace sentinelle;
using clock_type = std::chrono::steady_clock;

constexpr std::int64_t start_ms = 1'795'132'800'000;  // 2026-11-20T00:00:00Z
// The scores measurement's events span 90 days from start_ms.
constexpr std::int64_t span_ms = 90LL * 86'400'000;
constexpr std::int64_t end_ms = start_ms + span_ms;
constexpr std::int64_t last_30_days = end_ms - 30LL * 86'400'000;
constexpr int submitters = 64;
// Customers come back: ~2.5 events each, spread over the whole span, as a real base's would.
constexpr std::int64_t customers = 400'000;

std::string customer_of(std::int64_t n) {
  return "c-" + std::to_string(n * 2'654'435'761 % customers);
}

event sample_event(std::int64_t n, std::int64_t occurred_at_ms) {
  event survey;
  survey.id = "e-" + std::to_string(n);
  survey.occurred_at_ms = occurred_at_ms;
  survey.received_at_ms = survey.occurred_at_ms;
  survey.agent_id = "a-" + std::to_string(n % 200);
  survey.team_id = "t-" + std::to_string(n % 200 / 10);
  survey.queue = "q-" + std::to_string(n % 10);
  survey.channel = n % 3 == 0 ? "chat" : "voice";
  survey.touchpoint = "after_call";
  survey.customer_id = customer_of(n);
  survey.nps = static_cast<int>(n % 11);
  survey.csat = static_cast<int>(n % 5 + 1);
  survey.ces = static_cast<int>(n % 7 + 1);
  if (n % 2 == 0) {
    survey.verbatim = "Attente interminable, conseiller pas aimable.";
    survey.analysis_json = R"({"score":-0.5,"label":"negative","flags":[],"topics":[]})";
    survey.sentiment_score = -0.5;
    survey.negative_verbatim = true;
    // Detractors with a negative verbatim raise an alert, as the classifier would: about a
    // third of all events, which the writer stores with the alert and the scores count.
    if (*survey.nps <= 6) {
      survey.detractor = true;
      survey.reasons = {"score_detractor", "negative_verbatim"};
      survey.alert_severity = severity::medium;
    }
  }
  return survey;
}

void report(const char* what, std::int64_t acknowledged, double elapsed,
            std::int64_t transactions) {
  std::printf(
      "64 submitters x 1 event, %s: %lld acknowledged in %.2f s = %.0f events/s, "
      "%lld transactions (%.1f events per commit)\n",
      what, static_cast<long long>(acknowledged), elapsed,
      static_cast<double>(acknowledged) / elapsed, static_cast<long long>(transactions),
      static_cast<double>(acknowledged) / static_cast<double>(transactions));
}

// 64 OS threads, each blocking on its acknowledgement: on 2 cores the thread switches cost more
// than the storage itself, so this is a floor.
void measure_blocking_submitters(event_store& store, std::int64_t transactions_before, int seconds,
                                 const std::function<std::int64_t()>& transactions) {
  std::atomic<std::int64_t> acknowledged{0};
  const auto deadline = clock_type::now() + std::chrono::seconds(seconds);
  const auto started = clock_type::now();
  std::vector<std::thread> threads;
  for (int thread = 0; thread < submitters; ++thread) {
    threads.emplace_back([&, thread] {
      for (std::int64_t n = thread; clock_type::now() < deadline; n += submitters) {
        std::promise<bool> done;
        // Live traffic: every event of the run falls in the current hour or two.
        store.store({sample_event(n, start_ms + n * 50)},
                    [&](const store_result& result) { done.set_value(result.ok); });
        if (done.get_future().get()) {
          ++acknowledged;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  const double elapsed = std::chrono::duration<double>(clock_type::now() - started).count();
  report("64 blocking threads", acknowledged.load(), elapsed, transactions() - transactions_before);
}

// 64 clients of an asynchronous server: each sends its next event once the previous one is
// acknowledged, from the acknowledgement itself (as a response completing would).
struct async_submitters {
  async_submitters(event_store& target, clock_type::time_point end)
      : store(target), deadline(end) {}

  event_store& store;
  clock_type::time_point deadline;
  std::atomic<std::int64_t> next_id{0};
  std::atomic<std::int64_t> acknowledged{0};
  std::atomic<int> running{submitters};
  std::promise<void> finished;

  void submit() {
    if (clock_type::now() >= deadline) {
      if (--running == 0) {
        finished.set_value();
      }
      return;
    }
    const std::int64_t n = next_id++;
    store.store({sample_event(n, start_ms + n * 50)}, [this](const store_result& result) {
      acknowledged += result.ok ? 1 : 0;
      submit();
    });
  }
};

void measure_submitters(const std::string& path, int seconds) {
  std::string error;
  auto store = sqlite_event_store::open(path, error);
  if (store == nullptr) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return;
  }
  const auto transactions = [&] { return store->committed_transactions(); };
  measure_blocking_submitters(*store, transactions(), seconds, transactions);

  const std::int64_t before = transactions();
  async_submitters clients{*store, clock_type::now() + std::chrono::seconds(seconds)};
  const auto started = clock_type::now();
  for (int client = 0; client < submitters; ++client) {
    clients.submit();
  }
  clients.finished.get_future().wait();
  store->flush();
  const double elapsed = std::chrono::duration<double>(clock_type::now() - started).count();
  report("64 asynchronous clients", clients.acknowledged.load(), elapsed, transactions() - before);
}

// The median of five runs of `read`, in milliseconds; `answer` keeps the last run's result.
template <typename Answer, typename Read>
double median_ms(Answer& answer, const Read& read) {
  std::vector<double> times;
  for (int run = 0; run < 5; ++run) {
    const auto started = clock_type::now();
    answer = read();
    times.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - started).count());
  }
  std::sort(times.begin(), times.end());
  return times[2];
}

void time_query(sqlite_event_store& store, const char* what, const score_query& query) {
  score_answer answer;
  const double median = median_ms(answer, [&] { return store.scores(query); });
  const std::int64_t responses =
      answer.total.nps_promoters + answer.total.nps_passives + answer.total.nps_detractors;
  std::printf("  %-48s median %8.2f ms  (%zu groups, %lld NPS responses)%s\n", what, median,
              answer.groups.size(), static_cast<long long>(responses),
              answer.ok ? "" : answer.error.c_str());
}

void time_alerts(sqlite_event_store& store, const char* what, const alert_filter& filter) {
  alert_page page;
  const double median = median_ms(page, [&] { return store.list_alerts(filter); });
  std::printf("  %-48s median %8.2f ms  (%zu alerts)%s\n", what, median, page.alerts.size(),
              page.ok ? "" : page.error.c_str());
}

// GET /v1/alerts over the ~320,000 alerts of the loaded events: a page of 50, newest first.
void measure_alert_lists(sqlite_event_store& store) {
  const auto filtered = [](std::optional<alert_status> status, std::string team,
                           std::string agent) {
    alert_filter filter;
    filter.status = status;
    filter.team_id = std::move(team);
    filter.agent_id = std::move(agent);
    return filter;
  };
  time_alerts(store, "alerts: open", filtered(alert_status::open, "", ""));
  time_alerts(store, "alerts: open, team_id=t-3 (1 of 20)",
              filtered(alert_status::open, "t-3", ""));
  time_alerts(store, "alerts: all, agent_id=a-42 (1 of 200)", filtered({}, "", "a-42"));
  time_alerts(store, "alerts: open, agent_id with no alert",
              filtered(alert_status::open, "", "a-x"));
  time_alerts(store, "alerts: all, agent_id with no alert", filtered({}, "", "a-x"));
}

// An erasure runs on the writer: ingestion waits for it.
void time_customer_erasure(sqlite_event_store& store) {
  erasure_request request;
  request.value = customer_of(123'456);
  std::promise<erasure_result> done;
  auto answer = done.get_future();
  const auto started = clock_type::now();
  store.erase(request, [&](erasure_result result) { done.set_value(std::move(result)); });
  const erasure_result result = answer.get();
  std::printf("  %-48s %8.2f ms  (%lld events)%s\n", "erase one customer",
              std::chrono::duration<double, std::milli>(clock_type::now() - started).count(),
              static_cast<long long>(result.events), result.ok ? "" : result.error.c_str());
}

// The queries the rollups answer, over 90 days of events from `start_ms`; `note` ends each label.
void time_rollup_queries(sqlite_event_store& store, const std::string& note) {
  const auto timed = [&](const std::string& label, const score_query& query) {
    time_query(store, (label + note).c_str(), query);
  };
  timed("total, 90 days", {start_ms, end_ms, {}, {}, {}});
  timed("total, last 30 days", {last_30_days, end_ms, {}, {}, {}});
  timed("by agent_id (200), last 30 days", {last_30_days, end_ms, dimension::agent_id, {}, {}});
  timed("by agent_id (200), 90 days", {start_ms, end_ms, dimension::agent_id, {}, {}});
  // "Until now": partial days at both edges, read from the hourly rows.
  timed("by agent_id (200), 30 days, partial edge days", {last_30_days - 13 * 3'600'000 - 60'000,
                                                          end_ms - 5 * 3'600'000 - 60'000,
                                                          dimension::agent_id,
                                                          {},
                                                          {}});
  timed("by agent_id (200), within one day",
        {end_ms - 20 * 3'600'000, end_ms - 2 * 3'600'000, dimension::agent_id, {}, {}});
  timed("by day, 90 days", {start_ms, end_ms, {}, time_bucket::day, {}});
  timed("by week, team_id=t-3, 90 days",
        {start_ms, end_ms, {}, time_bucket::week, {{dimension::team_id, "t-3"}}});
}

void measure_scores(const std::string& path) {
  std::string error;
  // Folded at every load commit (each is larger than the policy's maximum), never by age: the
  // 999 events stored after the first round of queries stay above the fold mark.
  store_options options;
  options.rollup_fold = {1000, std::chrono::hours(1)};
  auto store = sqlite_event_store::open(path, error, options);
  if (store == nullptr) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return;
  }
  constexpr std::int64_t count = 1'000'000;
  const auto started = clock_type::now();
  for (std::int64_t first = 0; first < count; first += 100'000) {
    std::vector<event> batch;
    for (std::int64_t n = first; n < first + 100'000; ++n) {
      batch.push_back(sample_event(n, start_ms + n * (span_ms / count)));
    }
    store->store(std::move(batch), nullptr);
  }
  store->flush();
  std::printf("loaded %lld events in %.1f s (batches of 100,000)\n",
              static_cast<long long>(store->count_events()),
              std::chrono::duration<double>(clock_type::now() - started).count());
  time_rollup_queries(*store, "");
  time_query(*store, "fallback: by agent, team_id=t-3, last 30 days",
             {last_30_days, end_ms, dimension::agent_id, {}, {{dimension::team_id, "t-3"}}});
  time_query(*store, "fallback: by day, team_id + channel, 90 days",
             {start_ms,
              end_ms,
              {},
              time_bucket::day,
              {{dimension::team_id, "t-3"}, {dimension::channel, "voice"}}});
  measure_alert_lists(*store);
  time_customer_erasure(*store);
  // The most a fold leaves to the queries: 999 events above the mark, read from their rows.
  for (std::int64_t first = count; first < count + 999; first += 111) {
    std::vector<event> batch;
    for (std::int64_t n = first; n < first + 111; ++n) {
      batch.push_back(sample_event(n, end_ms - 1 - (n - count) * 60'000));
    }
    store->store(std::move(batch), nullptr);
  }
  store->flush();
  time_rollup_queries(*store, " (+999 unfolded)");
}

}  // namespace

int main(int argc, char** argv) {
  // Only a directory of its own is emptied: the argument names where to put it (removing the
  // argument itself once wiped a /tmp given on the command line).
  const std::filesystem::path directory =
      (argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::temp_directory_path()) /
      "sentinelle-storage-throughput";
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
  std::filesystem::remove_all(directory);
  measure_submitters((directory / "submitters.db").string(), seconds);
  measure_scores((directory / "scores.db").string());
  if (std::getenv("SENTINELLE_KEEP_DATABASES") == nullptr) {
    std::filesystem::remove_all(directory);
  }
  return 0;
}
