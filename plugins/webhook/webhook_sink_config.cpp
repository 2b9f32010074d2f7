#include "webhook/webhook_sink_config.hpp"

#include <algorithm>
#include <set>

#include "signature/standard_webhooks.hpp"
#include "webhook/webhook_url.hpp"

namespace sentinelle {
namespace {

std::string problem(const webhook_sink_config& sink, std::string_view key, std::string_view what) {
  return "sinks.webhook[" + sink.name + "]." + std::string(key) + ": " + std::string(what);
}

std::string find_schedule_problem(const webhook_sink_config& sink) {
  if (sink.retry_schedule_ms.empty()) {
    return problem(sink, "retry_schedule_ms", "must list at least one wait");
  }
  const bool all_positive =
      std::all_of(sink.retry_schedule_ms.begin(), sink.retry_schedule_ms.end(),
                  [](std::int64_t wait) { return wait > 0; });
  return all_positive ? "" : problem(sink, "retry_schedule_ms", "every wait must be > 0");
}

}  // namespace

std::string find_sink_config_problem(const webhook_sink_config& sink) {
  if (sink.name.empty()) {
    return "sinks.webhook.name: must not be empty";
  }
  std::string error;
  if (!parse_webhook_url(sink.url, error)) {
    return problem(sink, "url", error);
  }
  if (!standard_webhooks_secret::parse(sink.secret, error)) {
    return problem(sink, "secret", error);
  }
  if (sink.timeout_ms <= 0) {
    return problem(sink, "timeout_ms", "must be > 0");
  }
  if (sink.max_in_flight == 0) {
    return problem(sink, "max_in_flight", "must be > 0");
  }
  return find_schedule_problem(sink);
}

std::string find_sinks_config_problem(const std::vector<webhook_sink_config>& sinks) {
  std::set<std::string, std::less<>> names;
  for (const webhook_sink_config& sink : sinks) {
    if (auto found = find_sink_config_problem(sink); !found.empty()) {
      return found;
    }
    if (!names.insert(sink.name).second) {
      return problem(sink, "name", "is used by another sink");
    }
  }
  return "";
}

}  // namespace sentinelle
