#pragma once

#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/lexicon.hpp"
#include "normalize/normalized_text.hpp"

namespace sentinelle {

// Tunable constants of the scoring rules, in one place so the evaluation can move them.
struct scoring_policy {
  double negated_positive = 0.9;    // "pas satisfait": -0.9 × the word's weight
  double negated_negative = 0.5;    // "pas mauvais": only mildly positive
  double weakened_negation = 0.5;   // "pas très bon"
  double before_contrast = 0.5;
  double after_contrast = 1.5;
  double capitals = 1.3;
  double elongation = 1.25;
  double exclamation_step = 0.1;    // per '!' in the sentence's closing mark, up to 4
  double normalization_alpha = 12;  // score = s / sqrt(s² + alpha)
  double negative_threshold = -0.1;
  double positive_threshold = 0.1;
  double urgent_flag_ceiling = -0.5;  // churn or legal threat: the text is negative at least so
};

// Applies the French rules (overlaps, negation and its scope, intensifiers, contrast, emphasis,
// ratings) to the matches of one text and fills the analysis.
void score_matches(const lexicon& lex, const normalized_text& text,
                   std::vector<lexicon_match>& matches, const scoring_policy& policy,
                   analysis& out);

}  // namespace sentinelle
