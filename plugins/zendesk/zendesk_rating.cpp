#include "zendesk/zendesk_rating.hpp"

#include <array>
#include <cctype>
#include <string>

#include "ingest/event_limits.hpp"
#include "util/numbers.hpp"
#include "util/time.hpp"

namespace sentinelle::zendesk {
namespace {

using simdjson::dom::element;

// The limits of the canonical schema.
constexpr std::size_t max_string = event_limits::max_field_bytes;
constexpr std::size_t max_text = event_limits::max_text_bytes;
constexpr std::int64_t max_unix_s = 253402300799;  // 9999-12-31T23:59:59Z: no overflow in ms

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// "good", "good_with_comment", "Good, I'm satisfied": the word, then the end or a non-letter.
bool starts_with_word(std::string_view text, std::string_view word) {
  return text.starts_with(word) && (text.size() == word.size() ||
                                    !std::isalpha(static_cast<unsigned char>(text[word.size()])));
}

// Substrings of Zendesk's channel names and labels, first match wins ("native_messaging",
// "Mail", "Phone call (incoming)"…); anything else is "other".
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> via_words{{
    {"mail", "email"},
    {"voice", "voice"},
    {"phone", "voice"},
    {"call", "voice"},
    {"sms", "sms"},
    {"chat", "chat"},
    {"messaging", "chat"},
    {"whatsapp", "chat"},
    {"widget", "chat"},
    {"twitter", "social"},
    {"facebook", "social"},
    {"instagram", "social"},
}};

constexpr auto canonical_channels = event_limits::channels;

// A Zendesk event-subscription delivery (user, organization… events): no rating inside.
bool is_zendesk_event(element root) {
  std::string_view type;
  return root["type"].get(type) == simdjson::SUCCESS && type.starts_with("zen:event-type:");
}

// Reads the configured fields of one delivery, collecting every mistake under the path written.
class rating_reader {
 public:
  rating_reader(element root, std::vector<payload_problem>& problems)
      : root_(root), problems_(problems) {}

  void problem(const field_path& path, std::string message) {
    problems_.push_back({path.written, std::move(message)});
  }

  // A number (the API's ids) or a string (a trigger's placeholders); "" when absent or empty, as
  // a placeholder with nothing behind it ({{ticket.group.id}} without a group) renders "".
  std::string id(const field_path& path) {
    const auto value = find(root_, path);
    std::int64_t number = 0;
    if (value && value->get(number) == simdjson::SUCCESS) {
      return std::to_string(number);
    }
    return text(path, max_string, "must be a number or a string");
  }

  std::string text(const field_path& path, std::size_t limit,
                   std::string_view wrong_type = "must be a string") {
    const auto value = find(root_, path);
    std::string_view written;
    if (!value) {
      return {};
    }
    if (value->get(written) != simdjson::SUCCESS) {
      problem(path, std::string(wrong_type));
    } else if (written.size() > limit) {
      problem(path, "is longer than " + std::to_string(limit) + " bytes");
    } else {
      return std::string(written);
    }
    return {};
  }

  // RFC 3339 (the API's times) or Unix seconds; `fallback` (now) when absent or empty.
  std::int64_t moment(const field_path& path, std::int64_t fallback) {
    const auto value = find(root_, path);
    std::int64_t seconds = 0;
    std::string_view written;
    if (!value || (value->get(written) == simdjson::SUCCESS && written.empty())) {
      return fallback;
    }
    if (value->get(seconds) == simdjson::SUCCESS && seconds > 0 && seconds <= max_unix_s) {
      return seconds * 1000;
    }
    if (const auto parsed = parse_rfc3339(written)) {
      return *parsed;
    }
    problem(path, "must be an RFC 3339 date-time such as 2026-11-20T14:03:00Z, or Unix seconds");
    return fallback;
  }

  // A label ("Web Form"), or the API's via object whose `channel` names it.
  std::string channel(const field_path& path) {
    const auto value = find(root_, path);
    simdjson::dom::object via;
    std::string_view label;
    if (value && value->get(via) == simdjson::SUCCESS) {
      return via["channel"].get(label) == simdjson::SUCCESS ? channel_of(label) : "other";
    }
    return channel_of(text(path, max_string, "must be a string or the ticket's via object"));
  }

 private:
  element root_;
  std::vector<payload_problem>& problems_;
};

}  // namespace

score_reading read_score(element value, int& csat) {
  std::int64_t number = 0;
  std::string_view written;
  if (value.get(written) == simdjson::SUCCESS) {
    const std::string word = lower_ascii(written);
    if (starts_with_word(word, "good") || starts_with_word(word, "bad")) {
      csat = word.starts_with("good") ? 5 : 1;
      return score_reading::rated;
    }
    if (word == "offered" || word == "unoffered") {
      return score_reading::unanswered;
    }
    number = parse_non_negative(written).value_or(0);  // "4": a placeholder rendered a number
  } else if (value.get(number) != simdjson::SUCCESS) {
    return score_reading::unreadable;  // 4.5, true, an object…
  }
  if (number < 1 || number > 5) {
    return score_reading::unreadable;
  }
  csat = static_cast<int>(number);
  return score_reading::rated;
}

std::string channel_of(std::string_view via) {
  const std::string label = lower_ascii(via);
  if (label.empty()) {
    return {};
  }
  for (const std::string_view canonical : canonical_channels) {
    if (label == canonical) {
      return label;
    }
  }
  for (const auto& [word, channel] : via_words) {
    if (label.find(word) != std::string::npos) {
      return std::string(channel);
    }
  }
  return "other";
}

mapped_payload map_rating(element root, const rating_fields& fields, std::int64_t now_ms) {
  mapped_payload result;
  result.refusal = "not a satisfaction rating sentinelle can read";
  if (is_zendesk_event(root)) {
    ++result.batch.skipped;
    return result;
  }
  rating_reader read(root, result.problems);
  int csat = 0;
  const auto score = find(root, fields.score);
  const score_reading reading = score ? read_score(*score, csat) : score_reading::unreadable;
  if (reading == score_reading::unanswered) {
    ++result.batch.skipped;  // "offered" / "unoffered": nothing to score yet
    return result;
  }
  if (reading == score_reading::unreadable) {
    read.problem(fields.score, score ? "must be good, bad, offered, unoffered or an integer 1 to 5"
                                     : "is required (the rating's score)");
  }
  event survey;
  survey.source = "zendesk";
  survey.id = read.id(fields.rating_id);
  if (survey.id.empty()) {
    read.problem(fields.rating_id, "is required (the rating's id, the dedupe key)");
  }
  survey.csat = csat;
  survey.verbatim = read.text(fields.comment, max_text);
  survey.agent_id = read.id(fields.agent_id);
  survey.team_id = read.id(fields.team_id);
  survey.customer_id = read.id(fields.customer_id);
  survey.interaction_id = read.id(fields.ticket_id);
  survey.channel = read.channel(fields.channel);
  survey.received_at_ms = now_ms;
  survey.occurred_at_ms = read.moment(fields.submitted_at, now_ms);
  if (result.problems.empty()) {
    result.batch.events.push_back(std::move(survey));
  }
  return result;
}

}  // namespace sentinelle::zendesk
