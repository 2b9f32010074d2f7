#include "formbricks/formbricks_delivery.hpp"

#include "formbricks/formbricks_response.hpp"
#include "util/json_writer.hpp"
#include "util/utf8.hpp"

namespace sentinelle::formbricks {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

mapped_delivery failure(unsigned status, std::string code, std::string message,
                        std::vector<problem> details = {}) {
  mapped_delivery result;
  result.status = status;
  result.code = std::move(code);
  result.message = std::move(message);
  result.details = std::move(details);
  return result;
}

// Collects the `responseFinished` responses of one {"webhookId", "event", "data"} object;
// another event (responseCreated, responseUpdated, the "testEndpoint" ping…) is one skipped item.
void read_envelope(element item, const std::string& prefix, std::vector<finished_response>& out,
                   std::size_t& skipped, std::vector<problem>& problems) {
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

mapped_delivery map_delivery(std::string_view body, std::string_view webhook_id,
                             const settings& config, std::int64_t now_ms) {
  if (const auto invalid = find_invalid_utf8(body)) {
    return failure(400, "invalid_utf8",
                   "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
  }
  thread_local simdjson::dom::parser parser;  // reuses its buffers (STYLE.md: simdjson)
  element root;
  if (parser.parse(body.data(), body.size()).get(root) != SUCCESS) {
    return failure(400, "invalid_json", "the body is not JSON");
  }
  mapped_delivery result;
  std::vector<finished_response> finished;
  std::vector<problem> problems;
  array envelopes;
  if (root.get(envelopes) == SUCCESS) {
    std::size_t index = 0;
    for (const element item : envelopes) {
      read_envelope(item, "[" + std::to_string(index++) + "].", finished, result.batch.skipped,
                    problems);
    }
  } else {
    read_envelope(root, "", finished, result.batch.skipped, problems);
  }
  const bool several = finished.size() > 1;
  for (const finished_response& item : finished) {
    event survey;
    survey.kind = event_kind::survey;
    survey.source = "formbricks";
    survey.occurred_at_ms = now_ms;
    survey.received_at_ms = now_ms;
    if (read_response(item, webhook_id, several, config, survey, problems)) {
      result.batch.events.push_back(std::move(survey));
    } else {
      ++result.batch.skipped;  // no question maps to a score or a comment
    }
  }
  if (!problems.empty()) {
    return failure(422, "invalid_event", "not a Formbricks delivery this plugin can read",
                   std::move(problems));
  }
  return result;
}

std::string details_json(const std::vector<problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const problem& each : problems) {
    json.begin_object().key("field").value(each.field);
    json.key("message").value(each.message).end_object();
  }
  json.end_array();
  return out;
}

}  // namespace sentinelle::formbricks
