#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "redact/pii_kind.hpp"
#include "redact/pii_rules.hpp"

namespace sentinelle {

// The text as the rules have rewritten it so far, and where each token stands for bytes of the
// original input. Each rule runs over the current text, so it sees tokens, not the data they
// replaced, exactly as a second redaction of the output would: that keeps redaction idempotent.
// Nothing is copied until the first replacement.
class rewritten_text {
 public:
  explicit rewritten_text(std::string_view input) : input_(input) {}

  std::string_view current() const { return changed_ ? std::string_view(text_) : input_; }
  bool changed() const { return changed_; }

  // Replaces `spans` (sorted, disjoint, in current() offsets, never overlapping a token) by
  // their tokens.
  void replace(const std::vector<found_pii>& spans);

  // The replacements so far in input offsets, in order.
  std::vector<redaction> redactions() const;
  redaction_counts counts() const;

  // The rewritten text (valid once; the object is then spent).
  std::string take() { return changed_ ? std::move(text_) : std::string(input_); }

 private:
  struct placed_token {
    std::size_t begin = 0;  // in text_
    std::size_t end = 0;
    redaction origin;  // in input_
  };

  std::string_view input_;
  std::string text_;
  bool changed_ = false;
  std::vector<placed_token> tokens_;  // sorted by position
};

}  // namespace sentinelle
