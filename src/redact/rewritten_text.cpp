#include "redact/rewritten_text.hpp"

#include <cassert>

namespace sentinelle {

void rewritten_text::replace(const std::vector<found_pii>& spans) {
  if (spans.empty()) {
    return;
  }
  const std::string_view text = current();
  std::string next;
  next.reserve(text.size());
  std::vector<placed_token> placed;
  placed.reserve(tokens_.size() + spans.size());
  std::size_t copied = 0;  // text[0, copied) is already in `next`
  // input offset = current offset + shift, where shift sums (original - token) lengths so far.
  std::ptrdiff_t shift = 0;
  auto old = tokens_.begin();
  const auto copy_old_tokens_before = [&](std::size_t limit) {
    for (; old != tokens_.end() && old->begin < limit; ++old) {
      next.append(text, copied, old->end - copied);
      const std::size_t end = next.size();
      placed.push_back({end - (old->end - old->begin), end, old->origin});
      shift += static_cast<std::ptrdiff_t>(old->origin.end - old->origin.begin) -
               static_cast<std::ptrdiff_t>(old->end - old->begin);
      copied = old->end;
    }
  };
  for (const found_pii& span : spans) {
    copy_old_tokens_before(span.end);
    assert(copied <= span.begin && "a rule matched inside a token");
    next.append(text, copied, span.begin - copied);
    const std::string_view token = pii_token(span.kind);
    const std::size_t at = next.size();
    next.append(token);
    placed.push_back(
        {at,
         next.size(),
         {static_cast<std::size_t>(static_cast<std::ptrdiff_t>(span.begin) + shift),
          static_cast<std::size_t>(static_cast<std::ptrdiff_t>(span.end) + shift), span.kind}});
    copied = span.end;
  }
  copy_old_tokens_before(text.size());
  next.append(text, copied);
  text_ = std::move(next);
  tokens_ = std::move(placed);
  changed_ = true;
}

std::vector<redaction> rewritten_text::redactions() const {
  std::vector<redaction> out;
  out.reserve(tokens_.size());
  for (const placed_token& token : tokens_) {
    out.push_back(token.origin);
  }
  return out;
}

redaction_counts rewritten_text::counts() const {
  redaction_counts counts;
  for (const placed_token& token : tokens_) {
    ++counts.by_kind[static_cast<std::size_t>(token.origin.kind)];
  }
  return counts;
}

}  // namespace sentinelle
