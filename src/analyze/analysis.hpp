#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sentinelle {

// Topics a verbatim can be about (CONTRACT §5 plus network, claims, cancellation). Stored
// analyses name topics and flags by their index here (analysis_record.hpp): new names go at
// the end, and none is ever removed or moved.
inline constexpr std::array<std::string_view, 15> topic_names{
    "wait_time",     "agent_attitude", "agent_competence", "billing",         "price",
    "delivery",      "refund",         "product_quality",  "technical_issue", "unresolved",
    "communication", "website_app",    "network",          "claims",          "cancellation"};

// Urgency flags (CONTRACT §5); bit i of a flag mask is flag_names[i].
inline constexpr std::array<std::string_view, 5> flag_names{"churn_risk", "legal_threat", "abuse",
                                                            "escalation_request", "repeat_contact"};

// Why a match weighs what it weighs; rendered by name with --explain.
enum rule_bit : std::uint32_t {
  rule_negated = 1U << 0,
  rule_negation_weakened = 1U << 1,  // "pas très bon": an intensifier between negator and word
  rule_intensified = 1U << 2,
  rule_intensified_after = 1U << 3,  // "pas satisfait du tout"
  rule_before_contrast = 1U << 4,    // weighs less: the customer goes on with "mais…"
  rule_after_contrast = 1U << 5,     // weighs more: what follows "mais" is what they mean
  rule_capitals = 1U << 6,
  rule_elongated = 1U << 7,
  rule_exclamation = 1U << 8,
  rule_rating = 1U << 9,          // "2/10", "8/10"
  rule_negated_flag = 1U << 10,   // "je ne vais pas résilier": the flag is not raised
  rule_bare_negation = 1U << 11,  // a negator that negates no lexicon word
};
inline constexpr std::string_view rule_names[] = {
    "negation",       "negation_weakened", "intensifier", "intensifier_after", "before_contrast",
    "after_contrast", "capitals",          "elongation",  "exclamation",       "rating",
    "negated_flag",   "bare_negation"};

// One lexicon entry (or rule) found in the text, with its final weight.
struct scored_match {
  std::uint32_t entry = 0;  // index in lexicon::entries(); unused for ratings
  std::uint32_t begin = 0;  // byte offsets into the original text
  std::uint32_t end = 0;
  double weight = 0.0;
  std::uint32_t rules = 0;  // rule_bit mask
  bool rating = false;
};

enum class sentiment_label : std::uint8_t { negative, neutral, positive };
std::string_view label_name(sentiment_label label);

// The analysis object of CONTRACT §5.
struct analysis {
  double score = 0.0;
  sentiment_label label = sentiment_label::neutral;
  std::uint32_t flags = 0;           // bit i is flag_names[i]
  std::vector<std::uint8_t> topics;  // indexes into topic_names, in order of appearance
  std::vector<scored_match> matches;
  std::optional<std::string> error;  // set when the text could not be analysed

  void clear() {
    score = 0.0;
    label = sentiment_label::neutral;
    flags = 0;
    topics.clear();
    matches.clear();
    error.reset();
  }
};

// The members every rendering of an analysis starts with, without the braces:
// `"score":…,"label":"…","flags":[…],"topics":[…]`.
void append_summary_members(std::string& out, double score, sentiment_label label,
                            std::uint32_t flags, std::span<const std::uint8_t> topics);

// One match as CONTRACT §5 shapes it, left open for --explain's members:
// `{"term":"…","start":…,"end":…,"weight":…`.
void append_match_members(std::string& out, std::string_view term, std::uint32_t start,
                          std::uint32_t end, double weight);

}  // namespace sentinelle
