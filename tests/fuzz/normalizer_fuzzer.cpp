// The normalizer (src/normalize) as the shipped lexicons configure it. Checked: invalid UTF-8 is
// reported at the offset find_invalid_utf8 gives; otherwise every token maps to a non-empty,
// in-order span of whole code points of the input, and its form sits in `joined` between spaces
// and holds none (re2 patterns match whole tokens by those spaces).
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz_checks.hpp"
#include "lexicon_loader.hpp"

using namespace sentinelle;

namespace {

const lexicon& french() {
  static const std::unique_ptr<lexicon> shipped = fuzzing::load_french_lexicon();
  return *shipped;
}

void check_tokens(std::string_view text, const normalized_text& out) {
  std::uint32_t previous_begin = 0;
  for (std::size_t i = 0; i < out.tokens.size(); ++i) {
    const token& t = out.tokens[i];
    fuzzing::require(t.begin < t.end && t.end <= text.size(), "a token span outside the text");
    fuzzing::require(t.begin >= previous_begin, "tokens out of order");
    fuzzing::require(fuzzing::on_code_point(text, t.begin) && fuzzing::on_code_point(text, t.end),
                     "a token span cuts a UTF-8 sequence");
    previous_begin = t.begin;
    fuzzing::require(t.form_length > 0, "an empty form");
    fuzzing::require(t.form_begin >= 1 && t.form_begin + t.form_length < out.joined.size(),
                     "a form outside joined");
    fuzzing::require(
        out.joined[t.form_begin - 1] == ' ' && out.joined[t.form_begin + t.form_length] == ' ',
        "a form not between spaces");
    fuzzing::require(out.form(i).find(' ') == std::string_view::npos, "a form holds a space");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  french();  // the lexicons load once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static normalized_text out;
  static fold_cache cache;  // kept across inputs, as a server thread keeps its own
  const std::string_view text = fuzzing::as_text(data, size);
  const auto invalid = french().text_normalizer().normalize(text, out, cache);
  fuzzing::require(invalid == find_invalid_utf8(text), "invalid UTF-8 reported elsewhere");
  if (!invalid) {
    check_tokens(text, out);
  }
  return 0;
}
