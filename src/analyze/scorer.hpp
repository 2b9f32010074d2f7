#pragma once

#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/lexicon.hpp"
#include "normalize/normalized_text.hpp"

namespace sentinelle {

// Tunable constants of the scoring rules, in one place so the evaluation can move them.
struct scoring_policy {
  double negated_positive = 0.9;   // "pas satisfait": -0.9 × the word's weight
  double negated_negative = 0.5;   // "pas mauvais": only mildly positive
  double weakened_negation = 0.5;  // "pas très bon"
  double before_contrast = 0.5;
  double after_contrast = 1.5;
  double capitals = 1.3;
  double elongation = 1.25;
  double exclamation_step = 0.1;    // per '!' in the sentence's closing mark, up to 4
  double normalization_alpha = 12;  // score = s / sqrt(s² + alpha)
  double negative_threshold = -0.1;
  double positive_threshold = 0.1;
  double urgent_flag_ceiling = -0.5;
  double bare_negation = -0.4;  // "je n'ai pas reçu ma commande": a negated neutral verb  // churn
                                // or legal threat: the text is negative at least so
};

// One polarity or flag item being scored.
struct scored_item {
  lexicon_match match;
  double weight = 0.0;
  std::uint32_t rules = 0;
  bool rating = false;
};

// Scratch space reused from one text to the next, so scoring allocates nothing once warm.
struct scoring_scratch {
  // Whether the analysis lists its matches (--explain, the server); without, scoring skips
  // building and sorting them.
  bool record_matches = true;
  std::vector<int> owner;  // token → index in `accepted` of the scoring match covering it
  std::vector<lexicon_match> accepted;
  std::vector<lexicon_match> tag_only;
  std::vector<scored_item> items;
  std::vector<scored_item> bare_negations;
  std::vector<std::pair<std::uint32_t, std::uint8_t>> topics_seen;
  std::vector<std::uint32_t> sentence_begin;    // token → first token of its sentence
  std::vector<std::uint32_t> sentence_end;      // token → its sentence's closing mark (or count)
  std::vector<std::uint32_t> contrasts_before;  // token → contrast markers starting before it
  // Bytes, not std::vector<bool>: assigning the packed bits per text showed in the profile.
  std::vector<std::uint8_t> negator_used;     // token → a negator already spent on the verb before it
  std::vector<std::uint8_t> negator_applied;  // token → this negator negated some word
};

// Applies the French rules (overlaps, negation and its scope, intensifiers, contrast, emphasis,
// ratings) to the matches of one text and fills the analysis.
void score_matches(const lexicon& lex, const normalized_text& text,
                   std::vector<lexicon_match>& matches, const scoring_policy& policy,
                   scoring_scratch& scratch, analysis& out);

}  // namespace sentinelle
