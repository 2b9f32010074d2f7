// The PII redactor (src/redact/pii_redactor.hpp). Checked: redaction is idempotent
// (redact(redact(x)) == redact(x)); redact, redact_in_place and redact into its own input agree;
// find() gives sorted, disjoint ranges inside the text; and valid UTF-8 stays valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_checks.hpp"
#include "redact/pii_redactor.hpp"

using namespace sentinelle;

namespace {

void check_ranges(std::string_view text, const std::vector<redaction>& found) {
  std::size_t previous_end = 0;
  for (const redaction& r : found) {
    fuzzing::require(r.begin >= previous_end && r.begin < r.end && r.end <= text.size(),
                     "find() ranges not sorted, disjoint and inside the text");
    previous_end = r.end;
  }
}

const pii_redactor& redactor() {
  static const std::unique_ptr<pii_redactor> shared = [] {
    std::string error;
    auto created = pii_redactor::create(error);
    if (!created) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(1);
    }
    return created;
  }();
  return *shared;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  redactor();  // compiled once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzzing::as_text(data, size);
  std::string once;
  redaction_counts counts;
  const bool changed = redactor().redact(text, once, &counts);
  fuzzing::require(changed == (once != text), "redact() says changed but is not, or the reverse");
  fuzzing::require(changed == (counts.total() > 0), "counts disagree with the result");

  std::string twice;
  redactor().redact(once, twice);
  fuzzing::require(twice == once, "redaction is not idempotent");

  std::string in_place(text);
  fuzzing::require(redactor().redact_in_place(in_place) == changed && in_place == once,
                   "redact_in_place differs from redact");
  std::string aliased(text);
  redactor().redact(aliased, aliased);
  fuzzing::require(aliased == once, "redact into its own input differs");

  const std::vector<redaction> found = redactor().find(text);
  check_ranges(text, found);
  fuzzing::require(found.empty() != changed, "find() disagrees with redact()");
  if (!find_invalid_utf8(text)) {
    fuzzing::require(!find_invalid_utf8(once), "redaction broke UTF-8");
  }
  return 0;
}
