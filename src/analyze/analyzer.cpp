#include "analyze/analyzer.hpp"

#include <bit>

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

void analyzer::analyze(std::string_view text, analyzer_workspace& workspace, analysis& out) const {
  out.clear();
  const normalizer& rules = lexicon_->text_normalizer();
  if (const auto invalid = rules.normalize(text, workspace.text, workspace.cache)) {
    out.error = "invalid UTF-8 at byte " + std::to_string(*invalid);
    return;
  }
  workspace.matches.clear();
  lexicon_->find_matches(workspace.text, workspace.matches);
  score_matches(*lexicon_, workspace.text, workspace.matches, policy_, workspace.scoring, out);
}

namespace {

void append_rules(json_writer& json, std::uint32_t rules) {
  json.key("rules").begin_array();
  for (std::uint32_t bits = rules; bits != 0; bits &= bits - 1) {
    json.value(rule_names[std::countr_zero(bits)]);
  }
  json.end_array();
}

// Rule words (negators, intensifiers, contrast) weigh nothing themselves: listed only to explain.
bool worth_keeping(const scored_match& m, const lexicon& lex) {
  if (m.rating || m.weight != 0.0) {
    return true;
  }
  const lexicon_entry& entry = lex.entries()[m.entry];
  return entry.flags != 0 || !entry.topics.empty();
}

std::string_view term_of(const scored_match& m, const lexicon_entry* entry, std::string_view text) {
  if (entry == nullptr) {
    return "rating";
  }
  if (entry->kind == pattern_kind::regex && m.begin <= m.end && m.end <= text.size()) {
    return text.substr(m.begin, m.end - m.begin);
  }
  return entry->pattern;
}

// Constant keys are written as they are, values through json_writer: every stored event's
// analysis lists its matches, and escaping each key showed in the server's profile.
void append_matches(std::string& out, const analysis& result, std::string_view text,
                    const lexicon& lex, analysis_detail detail) {
  const bool explain = detail == analysis_detail::explain;
  out.append("\"matches\":[");
  bool first = true;
  for (const scored_match& m : result.matches) {
    if (!explain && !worth_keeping(m, lex)) {
      continue;
    }
    out.append(first ? "{\"term\":" : ",{\"term\":");
    first = false;
    const lexicon_entry* entry = m.rating ? nullptr : &lex.entries()[m.entry];
    append_json_string(out, term_of(m, entry, text));
    out.append(",\"start\":");
    json_writer(out).value(m.begin);
    out.append(",\"end\":");
    json_writer(out).value(m.end);
    out.append(",\"weight\":");
    json_writer(out).value(m.weight);
    if (explain) {
      out.push_back(',');
      json_writer json(out);
      json.key("source").value(entry != nullptr ? std::string_view(entry->source) : "rule:rating");
      append_rules(json, m.rules);
    }
    out.push_back('}');
  }
  out.push_back(']');
}

// The names of labels, flags and topics are plain ASCII words: quoted as they are.
void append_name(std::string& out, std::string_view name) {
  out.push_back('"');
  out.append(name);
  out.push_back('"');
}

}  // namespace

// The summary is written as constant fragments around the values: one object per analysed
// line, and json_writer's per-key escaping showed in the profile of `analyze`.
void append_analysis_json(const analysis& result, std::string_view text, const lexicon& lex,
                          analysis_detail detail, std::string& out) {
  if (result.error) {
    json_writer json(out);
    json.begin_object().key("error").begin_object();
    json.key("code").value("invalid_utf8").key("message").value(*result.error);
    json.end_object().end_object();
    return;
  }
  out.append("{\"score\":");
  json_writer(out).value(result.score);
  out.append(",\"label\":");
  append_name(out, label_name(result.label));
  out.append(",\"flags\":[");
  for (std::uint32_t bits = result.flags; bits != 0; bits &= bits - 1) {
    append_name(out, flag_names[std::countr_zero(bits)]);
    out.push_back(bits & (bits - 1) ? ',' : ']');
  }
  if (result.flags == 0) {
    out.push_back(']');
  }
  out.append(",\"topics\":[");
  for (std::size_t i = 0; i < result.topics.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    append_name(out, topic_names[result.topics[i]]);
  }
  out.push_back(']');
  if (detail != analysis_detail::summary) {
    out.push_back(',');
    append_matches(out, result, text, lex, detail);
  }
  out.push_back('}');
}

}  // namespace sentinelle
