#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "redact/pii_kind.hpp"

namespace re2 {
class RE2;
}

namespace sentinelle {

struct pii_rule;

// Replaces personal data in a UTF-8 verbatim by tokens ([EMAIL], [TELEPHONE], [IBAN], [CARTE],
// [NIR], [NUMERO]) before the text is stored, analysed, alerted on, broadcast or logged
// (redact/README.md). Built once at start-up, then used read-only from any number of threads.
// Invalid UTF-8 is tolerated: its bytes are copied as they are.
class pii_redactor {
 public:
  // nullptr with `error` set when a pattern does not compile (a bug, reported at start-up).
  static std::unique_ptr<pii_redactor> create(std::string& error);
  ~pii_redactor();
  pii_redactor(const pii_redactor&) = delete;
  pii_redactor& operator=(const pii_redactor&) = delete;
  pii_redactor(pii_redactor&&) = delete;
  pii_redactor& operator=(pii_redactor&&) = delete;

  // `out` receives the redacted text (a copy of `in` when nothing was found; `in` may view
  // `out`). Returns true when something was replaced; `counts`, when given, is set to what.
  bool redact(std::string_view in, std::string& out, redaction_counts* counts = nullptr) const;

  // The same, in place: the common case (nothing to redact) neither copies nor allocates.
  bool redact_in_place(std::string& text, redaction_counts* counts = nullptr) const;

  // What redact() would replace, as byte ranges of `in` (sorted, disjoint): for tests and
  // audits that must know what was removed without keeping it.
  std::vector<redaction> find(std::string_view in) const;

 private:
  struct compiled_rule;
  class run;

  pii_redactor() = default;

  std::vector<compiled_rule> rules_;
};

}  // namespace sentinelle
