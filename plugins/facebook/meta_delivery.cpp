#include "facebook/meta_delivery.hpp"

#include <optional>

#include "facebook/item_reader.hpp"
#include "util/utf8.hpp"

namespace sentinelle::meta {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

parsed_delivery failure(unsigned status, std::string code, std::string message) {
  parsed_delivery result;
  result.status = status;
  result.code = std::move(code);
  result.message = std::move(message);
  return result;
}

parsed_delivery shape_failure(std::string field, std::string message) {
  parsed_delivery result = failure(422, "invalid_event", "not a Meta webhook delivery");
  result.problems.push_back({0, std::move(field), std::move(message)});
  return result;
}

std::optional<product> product_named(std::string_view name) {
  if (name == "page") {
    return product::page;
  }
  if (name == "instagram") {
    return product::instagram;
  }
  return std::nullopt;
}

// The lists of an entry and how each element is read. standby[] holds the same messaging
// items as messaging[], delivered while another app owns the conversation (handover protocol):
// still what the customer wrote.
struct entry_list {
  std::string_view key;
  void (*map)(element, const entry_context&, const std::string&, mapping&);
};
constexpr entry_list entry_lists[] = {
    {"changes", map_change}, {"messaging", map_messaging}, {"standby", map_messaging}};

// Reads entry.id and entry.time into `context`; false (and a problem) when the entry is not
// an object with an id.
bool read_entry(element entry, entry_context& context, mapping& out) {
  const std::string path = "entry[" + std::to_string(context.index) + "]";
  item_reader reader(entry, path, context, out.problems);
  if (!entry.is_object()) {
    reader.problem("", "must be a JSON object");
    return false;
  }
  context.account_id = reader.id("/id", true);
  context.time_ms = reader.unix_ms("/time").value_or(context.now_ms);
  return !context.account_id.empty();
}

void map_entry(element entry, entry_context& context, mapping& out) {
  if (!read_entry(entry, context, out)) {
    return;
  }
  const std::string path = "entry[" + std::to_string(context.index) + "].";
  for (const entry_list& list : entry_lists) {
    element value;
    if (entry[list.key].get(value) != simdjson::SUCCESS || value.is_null()) {
      continue;
    }
    array items;
    if (value.get(items) != simdjson::SUCCESS) {
      out.problems.push_back({context.index, path + std::string(list.key), "must be an array"});
      continue;
    }
    std::size_t index = 0;
    for (const element item : items) {
      list.map(item, context, path + std::string(list.key) + "[" + std::to_string(index++) + "]",
               out);
    }
  }
}

}  // namespace

event message_event(const entry_context& entry, std::string_view platform,
                    std::string_view message_kind, bool is_public) {
  event e;
  e.kind = event_kind::message;
  e.source = "facebook";
  e.channel = "social";  // the canonical default for messages (ingest/event_fields.cpp)
  e.platform = platform;
  e.message_kind = message_kind;
  e.is_public = is_public;
  e.page_id = entry.account_id;
  e.occurred_at_ms = entry.time_ms;
  e.received_at_ms = entry.now_ms;
  return e;
}

parsed_delivery delivery_parser::parse(std::string_view body, std::int64_t now_ms) {
  if (const auto invalid = find_invalid_utf8(body)) {
    return failure(400, "invalid_utf8",
                   "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
  }
  element root;
  if (parser_.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS) {
    return failure(400, "invalid_json", "the body is not JSON");
  }
  std::string_view name;
  array entries;
  if (!root.is_object() || root["object"].get(name) != simdjson::SUCCESS) {
    return shape_failure("object", "is required: the Meta product (page, instagram)");
  }
  if (root["entry"].get(entries) != simdjson::SUCCESS) {
    return shape_failure("entry", "is required: an array of entries");
  }
  if (entries.size() > max_entries) {
    return shape_failure("entry", "holds more than " + std::to_string(max_entries) + " entries");
  }
  parsed_delivery result;
  const std::optional<product> object = product_named(name);
  if (!object) {
    result.batch.skipped = entries.size();  // a product this plugin does not read: each entry
    return result;
  }
  mapping out;
  entry_context context{*object, 0, {}, now_ms, now_ms};
  for (const element entry : entries) {
    map_entry(entry, context, out);
    ++context.index;
  }
  if (!out.problems.empty()) {
    result =
        failure(422, "invalid_event",
                std::to_string(out.problems.size()) + " problem" +
                    (out.problems.size() == 1 ? "" : "s") + " in the delivery; nothing was stored");
    result.problems = std::move(out.problems);
    return result;
  }
  result.batch = std::move(out.batch);
  return result;
}

}  // namespace sentinelle::meta
