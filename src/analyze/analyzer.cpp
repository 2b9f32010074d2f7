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

void append_matches(json_writer& json, const analysis& result, const lexicon& lex) {
  json.key("matches").begin_array();
  for (const scored_match& m : result.matches) {
    json.begin_object();
    if (m.rating) {
      json.key("term").value("rating").key("source").value("rule:rating");
    } else {
      const lexicon_entry& entry = lex.entries()[m.entry];
      json.key("term").value(entry.pattern).key("source").value(entry.source);
    }
    json.key("start").value(m.begin).key("end").value(m.end).key("weight").value(m.weight);
    append_rules(json, m.rules);
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void append_analysis_json(const analysis& result, const lexicon& lex, bool explain,
                          std::string& out) {
  json_writer json(out);
  json.begin_object();
  if (result.error) {
    json.key("error").begin_object();
    json.key("code").value("invalid_utf8").key("message").value(*result.error);
    json.end_object().end_object();
    return;
  }
  json.key("score").value(result.score).key("label").value(label_name(result.label));
  json.key("flags").begin_array();
  for (std::uint32_t bits = result.flags; bits != 0; bits &= bits - 1) {
    json.value(flag_names[std::countr_zero(bits)]);
  }
  json.end_array().key("topics").begin_array();
  for (const std::uint8_t topic : result.topics) {
    json.value(topic_names[topic]);
  }
  json.end_array();
  if (explain) {
    append_matches(json, result, lex);
  }
  json.end_object();
}

}  // namespace sentinelle
