#include "analyze/analysis.hpp"

#include <algorithm>
#include <bit>
#include <charconv>

#include "util/json_writer.hpp"

namespace sentinelle {

std::string_view label_name(sentiment_label label) {
  switch (label) {
    case sentiment_label::negative:
      return "negative";
    case sentiment_label::positive:
      return "positive";
    case sentiment_label::neutral:
      break;
  }
  return "neutral";
}

namespace {

// The names of labels, flags and topics are plain ASCII words: quoted as they are.
void append_name(std::string& out, std::string_view name) {
  out.push_back('"');
  out.append(name);
  out.push_back('"');
}

}  // namespace

// Written as constant fragments around the values: one object per analysed line, and
// json_writer's per-key escaping showed in the profile of `analyze`.
void append_summary_members(std::string& out, double score, sentiment_label label,
                            std::uint32_t flags, std::span<const std::uint8_t> topics) {
  out.append("\"score\":");
  json_writer(out).value(score);
  out.append(",\"label\":");
  append_name(out, label_name(label));
  out.append(",\"flags\":[");
  for (std::uint32_t bits = flags; bits != 0; bits &= bits - 1) {
    append_name(out, flag_names[std::countr_zero(bits)]);
    out.push_back(bits & (bits - 1) ? ',' : ']');
  }
  if (flags == 0) {
    out.push_back(']');
  }
  out.append(",\"topics\":[");
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    append_name(out, topic_names[topics[i]]);
  }
  out.push_back(']');
}

// The constant keys and the numbers are assembled in a buffer and appended once: every stored
// event's analysis lists ~18 matches, and each append showed in the server's profile.
void append_match_members(std::string& out, std::string_view term, std::uint32_t start,
                          std::uint32_t end, double weight) {
  out.append("{\"term\":");
  append_json_string(out, term);
  char buffer[64 + json_number_max_size];
  char* cursor = buffer;
  const auto copy = [&cursor](std::string_view text) {
    cursor = std::copy(text.begin(), text.end(), cursor);
  };
  copy(",\"start\":");
  cursor = std::to_chars(cursor, buffer + sizeof buffer, start).ptr;
  copy(",\"end\":");
  cursor = std::to_chars(cursor, buffer + sizeof buffer, end).ptr;
  copy(",\"weight\":");
  cursor = write_json_number(cursor, weight);
  out.append(buffer, cursor);
}

}  // namespace sentinelle
