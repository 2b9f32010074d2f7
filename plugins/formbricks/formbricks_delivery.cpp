#include "formbricks/formbricks_delivery.hpp"

#include <string>
#include <vector>

#include "formbricks/formbricks_response.hpp"

namespace sentinelle::formbricks {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// Collects the `responseFinished` responses of one {"webhookId", "event", "data"} object;
// another event (responseCreated, responseUpdated, the "testEndpoint" ping…) is one skipped item.
void read_envelope(element item, const std::string& prefix, std::vector<finished_response>& out,
                   std::size_t& skipped, std::vector<payload_problem>& problems) {
  object envelope;
  std::string_view name;
  if (item.get(envelope) != SUCCESS) {
    problems.push_back({prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1),
                        "must be an object with event and data"});
    return;
  }
  if (envelope["event"].get(name) != SUCCESS) {
    problems.push_back({prefix + "event", "is required (a string)"});
    return;
  }
  if (name != "responseFinished") {
    ++skipped;
    return;
  }
  const std::string path = prefix + "data";
  element data;
  object one;
  array many;
  const bool given = envelope["data"].get(data) == SUCCESS;
  if (given && data.get(one) == SUCCESS) {
    out.push_back({one, path});
  } else if (given && data.get(many) == SUCCESS) {
    std::size_t index = 0;
    for (const element response : many) {
      const std::string at = path + "[" + std::to_string(index++) + "]";
      if (response.get(one) == SUCCESS) {
        out.push_back({one, at});
      } else {
        problems.push_back({at, "must be a response object"});
      }
    }
  } else {
    problems.push_back({path, "is required (a response object or an array of them)"});
  }
}

}  // namespace

mapped_payload map_delivery(element root, std::string_view webhook_id, const settings& config,
                            std::int64_t now_ms) {
  mapped_payload result;
  result.refusal = "not a Formbricks delivery this plugin can read";
  std::vector<finished_response> finished;
  array envelopes;
  if (root.get(envelopes) == SUCCESS) {
    std::size_t index = 0;
    for (const element item : envelopes) {
      read_envelope(item, "[" + std::to_string(index++) + "].", finished, result.batch.skipped,
                    result.problems);
    }
  } else {
    read_envelope(root, "", finished, result.batch.skipped, result.problems);
  }
  const bool several = finished.size() > 1;
  for (const finished_response& item : finished) {
    event survey;
    survey.kind = event_kind::survey;
    survey.source = "formbricks";
    survey.occurred_at_ms = now_ms;
    survey.received_at_ms = now_ms;
    if (read_response(item, webhook_id, several, config, survey, result.problems)) {
      result.batch.events.push_back(std::move(survey));
    } else {
      ++result.batch.skipped;  // no question maps to a score or a comment
    }
  }
  return result;
}

}  // namespace sentinelle::formbricks
