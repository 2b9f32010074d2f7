#include "ingest/event_parser.hpp"

#include "ingest/event_fields.hpp"
#include "util/utf8.hpp"

namespace sentinelle {
namespace {

parsed_events failure(int status, std::string code, std::string message) {
  parsed_events result;
  result.status = status;
  result.code = std::move(code);
  result.message = std::move(message);
  return result;
}

// Reads one item of the batch into a new event (problems are collected, not fatal yet).
void read_item(simdjson::dom::element item, event_kind kind, const std::string& source,
               std::int64_t now_ms, parsed_events& result) {
  const std::size_t index = result.events.size();
  event& out = result.events.emplace_back();
  out.source = source;
  simdjson::dom::object object;
  if (item.get(object) != simdjson::SUCCESS) {
    result.details.push_back({index, "", "must be a JSON object"});
    return;
  }
  read_event_object(object, kind, index, now_ms, out, result.details);
}

}  // namespace

parsed_events event_parser::parse(std::string_view body, bool ndjson, event_kind kind,
                                  const std::string& source, std::int64_t now_ms) {
  if (const auto invalid = find_invalid_utf8(body)) {
    return failure(400, "invalid_utf8",
                   "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
  }
  parsed_events result;
  if (ndjson) {
    // Each line is parsed on its own, so a bad line is reported with its number.
    std::size_t start = 0;
    for (std::size_t line = 1; start < body.size(); ++line) {
      const auto end = std::min(body.find('\n', start), body.size());
      const auto text = body.substr(start, end - start);
      start = end + 1;
      if (text.find_first_not_of(" \t\r") == std::string_view::npos) {
        continue;
      }
      simdjson::dom::element item;
      if (parser_.parse(text.data(), text.size()).get(item) != simdjson::SUCCESS) {
        return failure(400, "invalid_json", "line " + std::to_string(line) + " is not JSON");
      }
      if (result.events.size() == max_batch) {
        return failure(422, "invalid_event",
                       "a batch holds at most " + std::to_string(max_batch) + " events");
      }
      read_item(item, kind, source, now_ms, result);
    }
  } else {
    simdjson::dom::element root;
    if (parser_.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS) {
      return failure(400, "invalid_json", "the body is not JSON");
    }
    simdjson::dom::array array;
    if (root.get(array) != simdjson::SUCCESS) {
      read_item(root, kind, source, now_ms, result);
    } else if (array.size() > max_batch) {
      return failure(422, "invalid_event",
                     "a batch holds at most " + std::to_string(max_batch) + " events");
    } else {
      for (const auto item : array) {
        read_item(item, kind, source, now_ms, result);
      }
    }
  }
  if (result.events.empty()) {
    return failure(422, "invalid_event", "the batch holds no event");
  }
  if (!result.details.empty()) {
    result.status = 422;
    result.code = "invalid_event";
    result.message = std::to_string(result.details.size()) + " problem" +
                     (result.details.size() == 1 ? "" : "s") + " in the batch; nothing was stored";
    result.events.clear();
  }
  return result;
}

}  // namespace sentinelle
