#include "redact/pii_redactor.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "redact/pii_rules.hpp"
#include "redact/rewritten_text.hpp"
#include "redact/text_census.hpp"

namespace sentinelle {

struct pii_redactor::compiled_rule {
  pii_rule rule;
  std::unique_ptr<RE2> regex;
};

// One redaction: every rule in turn over the text the previous ones rewrote, in rounds until a
// round replaces nothing. A token changes what an earlier rule saw next to a candidate ("5DK54…"
// starts no IBAN, "[NUMERO]DK54…" does), and a second redaction must find nothing. Every
// replacement removes digits or an '@', so the rounds end; most texts need one.
class pii_redactor::run {
 public:
  run(const pii_redactor& redactor, std::string_view input) : text_(input) {
    while (round(redactor)) {
    }
  }

  rewritten_text& text() { return text_; }

 private:
  bool round(const pii_redactor& redactor) {
    text_census census(text_.current());
    if (!census.may_hold_pii()) {
      return false;
    }
    bool replaced = false;
    std::vector<found_pii> found;
    for (const compiled_rule& rule : redactor.rules_) {
      if (!census.triggers(rule.rule.trigger)) {
        continue;
      }
      found.clear();
      find_all(rule, text_.current(), found);
      if (!found.empty()) {
        text_.replace(found);
        census = text_census(text_.current());  // tokens took digits away
        replaced = true;
      }
    }
    return replaced;
  }

  static void find_all(const compiled_rule& rule, std::string_view text,
                       std::vector<found_pii>& found) {
    const re2::StringPiece subject(text.data(), text.size());
    re2::StringPiece match;
    std::size_t from = 0;
    while (from < text.size() &&
           rule.regex->Match(subject, from, text.size(), RE2::UNANCHORED, &match, 1)) {
      const auto begin = static_cast<std::size_t>(match.data() - text.data());
      const std::size_t resume = rule.rule.classify(text, begin, begin + match.size(), found);
      from = std::max(resume, begin + 1);  // always progress, even on an empty match
    }
  }

  rewritten_text text_;
};

std::unique_ptr<pii_redactor> pii_redactor::create(std::string& error) {
  std::unique_ptr<pii_redactor> redactor(new pii_redactor());
  for (pii_rule& rule : pii_rules()) {
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_unique<RE2>(rule.pattern, options);
    if (!regex->ok()) {
      error = "redact: rule " + std::string(rule.name) + ": " + regex->error();
      return nullptr;
    }
    redactor->rules_.push_back({std::move(rule), std::move(regex)});
  }
  return redactor;
}

pii_redactor::~pii_redactor() = default;

bool pii_redactor::redact(std::string_view in, std::string& out, redaction_counts* counts) const {
  run pass(*this, in);
  rewritten_text& text = pass.text();
  const bool changed = text.changed();
  if (counts != nullptr) {
    *counts = text.counts();
  }
  if (changed) {
    out = text.take();
  } else {
    out.assign(in.data(), in.size());
  }
  return changed;
}

bool pii_redactor::redact_in_place(std::string& text, redaction_counts* counts) const {
  run pass(*this, text);
  rewritten_text& rewritten = pass.text();
  if (counts != nullptr) {
    *counts = rewritten.counts();
  }
  if (!rewritten.changed()) {
    return false;
  }
  text = rewritten.take();
  return true;
}

std::vector<redaction> pii_redactor::find(std::string_view in) const {
  run pass(*this, in);
  return pass.text().redactions();
}

}  // namespace sentinelle
