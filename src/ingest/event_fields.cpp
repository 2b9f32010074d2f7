#include "ingest/event_fields.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>

#include "ingest/event_limits.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::size_t max_string = event_limits::max_field_bytes;
constexpr std::size_t max_verbatim = event_limits::max_text_bytes;
using event_limits::channels;
using event_limits::message_kinds;
using event_limits::platforms;

// Reads one field of one item; records a problem and returns false when it is wrong.
class field_reader {
 public:
  field_reader(std::size_t index, std::vector<field_problem>& problems)
      : index_(index), problems_(problems) {}

  void problem(std::string_view field, std::string message) {
    problems_.push_back({index_, std::string(field), std::move(message)});
  }

  void text(std::string_view field, element value, std::string& out, std::size_t limit) {
    std::string_view view;
    if (value.get(view) != simdjson::SUCCESS) {
      problem(field, "must be a string");
    } else if (view.size() > limit) {
      problem(field, "is longer than " + std::to_string(limit) + " bytes");
    } else {
      out.assign(view);
    }
  }

  template <std::size_t N>
  void one_of(std::string_view field, element value, const std::array<std::string_view, N>& allowed,
              std::string& out) {
    std::string_view view;
    if (value.get(view) != simdjson::SUCCESS ||
        std::find(allowed.begin(), allowed.end(), view) == allowed.end()) {
      std::string list;
      for (const auto name : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(name);
      }
      problem(field, "must be one of " + list);
      return;
    }
    out.assign(view);
  }

  // Scores are integers: 3.0 or "3" are refused, so a client's unit mistake never slips in.
  void score(std::string_view field, element value, int low, int high, std::optional<int>& out) {
    int64_t number = 0;
    if (value.type() != element_type::INT64 && value.type() != element_type::UINT64) {
      problem(field,
              "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
      return;
    }
    if (value.get(number) != simdjson::SUCCESS || number < low || number > high) {
      problem(field,
              "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
      return;
    }
    out = static_cast<int>(number);
  }

  void moment(std::string_view field, element value, std::int64_t& out) {
    std::string_view view;
    const auto parsed = value.get(view) == simdjson::SUCCESS ? parse_rfc3339(view) : std::nullopt;
    if (!parsed) {
      problem(field, "must be an RFC 3339 date-time such as 2026-11-20T14:03:00+01:00");
      return;
    }
    out = *parsed;
  }

  void flag(std::string_view field, element value, bool& out) {
    if (value.get(out) != simdjson::SUCCESS) {
      problem(field, "must be true or false");
    }
  }

 private:
  std::size_t index_;
  std::vector<field_problem>& problems_;
};

using field_handler = std::function<void(field_reader&, element, event&)>;
// A kind's fields by name, the common ones included: one hash lookup a key, where two ordered
// maps took ~80 string comparisons a survey (callgrind).
using field_map = std::unordered_map<std::string_view, field_handler>;

field_handler text_field(std::string event::*member, std::string_view name,
                         std::size_t limit = max_string) {
  return [=](field_reader& read, element value, event& out) {
    read.text(name, value, out.*member, limit);
  };
}

field_map with_common_fields(field_map fields) {
  fields.insert({
      {"id", text_field(&event::id, "id")},
      {"agent_id", text_field(&event::agent_id, "agent_id")},
      {"team_id", text_field(&event::team_id, "team_id")},
      {"customer_id", text_field(&event::customer_id, "customer_id")},
      {"language", text_field(&event::language, "language")},
  });
  return fields;
}

const field_map& survey_fields() {
  static const field_map fields = with_common_fields({
      {"submitted_at",
       [](field_reader& r, element v, event& e) { r.moment("submitted_at", v, e.occurred_at_ms); }},
      {"channel",
       [](field_reader& r, element v, event& e) { r.one_of("channel", v, channels, e.channel); }},
      {"touchpoint", text_field(&event::touchpoint, "touchpoint")},
      {"queue", text_field(&event::queue, "queue")},
      {"interaction_id", text_field(&event::interaction_id, "interaction_id")},
      {"nps", [](field_reader& r, element v, event& e) { r.score("nps", v, 0, 10, e.nps); }},
      {"csat", [](field_reader& r, element v, event& e) { r.score("csat", v, 1, 5, e.csat); }},
      {"ces", [](field_reader& r, element v, event& e) { r.score("ces", v, 1, 7, e.ces); }},
      {"comment", text_field(&event::verbatim, "comment", max_verbatim)},
  });
  return fields;
}

void read_author(field_reader& read, element value, event& out) {
  simdjson::dom::object author;
  if (value.get(author) != simdjson::SUCCESS) {
    read.problem("author", "must be an object with id and name");
    return;
  }
  for (const auto [key, field] : author) {
    if (key == "id") {
      read.text("author.id", field, out.author_id, max_string);
    } else if (key == "name") {
      read.text("author.name", field, out.author_name, max_string);
    }
  }
}

const field_map& message_fields() {
  static const field_map fields = with_common_fields({
      {"created_at",
       [](field_reader& r, element v, event& e) { r.moment("created_at", v, e.occurred_at_ms); }},
      {"platform", [](field_reader& r, element v,
                      event& e) { r.one_of("platform", v, platforms, e.platform); }},
      {"kind", [](field_reader& r, element v,
                  event& e) { r.one_of("kind", v, message_kinds, e.message_kind); }},
      {"public", [](field_reader& r, element v, event& e) { r.flag("public", v, e.is_public); }},
      {"author", read_author},
      {"conversation_id", text_field(&event::conversation_id, "conversation_id")},
      {"post_id", text_field(&event::post_id, "post_id")},
      {"parent_id", text_field(&event::parent_id, "parent_id")},
      {"page_id", text_field(&event::page_id, "page_id")},
      {"text", text_field(&event::verbatim, "text", max_verbatim)},
  });
  return fields;
}

bool present(const simdjson::dom::object& object, std::string_view key) {
  simdjson::dom::element value;
  return object.at_key(key).get(value) == simdjson::SUCCESS && !value.is_null();
}

// Presence is checked on the object, so a field that is there but wrong is reported once.
void check_required(field_reader& read, const simdjson::dom::object& object, event_kind kind) {
  if (!present(object, "id")) {
    read.problem("id", "is required (a non-empty string)");
  }
  if (kind == event_kind::survey) {
    if (!present(object, "nps") && !present(object, "csat") && !present(object, "ces") &&
        !present(object, "comment")) {
      read.problem("nps", "at least one of nps, csat, ces or comment is required");
    }
    return;
  }
  if (!present(object, "text")) {
    read.problem("text", "is required");
  }
  if (!present(object, "platform")) {
    read.problem("platform", "is required");
  }
}

}  // namespace

void read_event_object(simdjson::dom::object object, event_kind kind, std::size_t index,
                       std::int64_t now_ms, event& out, std::vector<field_problem>& problems) {
  field_reader read(index, problems);
  out.kind = kind;
  out.occurred_at_ms = now_ms;
  out.received_at_ms = now_ms;
  const field_map& fields = kind == event_kind::survey ? survey_fields() : message_fields();
  for (const auto [key, value] : object) {
    if (value.is_null()) {
      continue;  // an explicit null is the same as an absent optional field
    }
    if (const auto found = fields.find(key); found != fields.end()) {
      found->second(read, value, out);
    }
    // Unknown fields are ignored: platforms add fields, and old clients must keep working.
  }
  if (kind == event_kind::message && out.channel.empty()) {
    out.channel = "social";
  }
  if (present(object, "id") && out.id.empty()) {
    read.problem("id", "must not be empty");
  }
  check_required(read, object, kind);
}

}  // namespace sentinelle
