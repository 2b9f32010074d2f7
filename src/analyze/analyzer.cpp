#include "analyze/analyzer.hpp"

#include <bit>

#include "analyze/analysis_record.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

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

void append_matches(std::string& out, const analysis& result, std::string_view text,
                    const lexicon& lex, analysis_detail detail) {
  const bool explain = detail == analysis_detail::explain;
  out.append("\"matches\":[");
  bool first = true;
  for (const scored_match& m : result.matches) {
    if (!explain && !worth_keeping(m, lex)) {
      continue;
    }
    if (!first) {
      out.push_back(',');
    }
    first = false;
    const lexicon_entry* entry = m.rating ? nullptr : &lex.entries()[m.entry];
    append_match_members(out, term_of(m, entry, text), m.begin, m.end, m.weight);
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

}  // namespace

void append_analysis_json(const analysis& result, std::string_view text, const lexicon& lex,
                          analysis_detail detail, std::string& out) {
  if (result.error) {
    json_writer json(out);
    json.begin_object().key("error").begin_object();
    json.key("code").value("invalid_utf8").key("message").value(*result.error);
    json.end_object().end_object();
    return;
  }
  out.push_back('{');
  append_summary_members(out, result.score, result.label, result.flags, result.topics);
  if (detail != analysis_detail::summary) {
    out.push_back(',');
    append_matches(out, result, text, lex, detail);
  }
  out.push_back('}');
}

void append_analysis_record(const analysis& result, std::string_view text, const lexicon& lex,
                            std::string& out) {
  if (result.error) {
    return;
  }
  analysis_record_writer record(out, result.score, result.label, result.flags, result.topics);
  for (const scored_match& m : result.matches) {
    if (worth_keeping(m, lex)) {
      const lexicon_entry* entry = m.rating ? nullptr : &lex.entries()[m.entry];
      record.add_match(term_of(m, entry, text), m.begin, m.end, m.weight);
    }
  }
}

}  // namespace sentinelle
