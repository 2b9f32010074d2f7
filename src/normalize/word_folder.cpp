#include "normalize/word_folder.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>

#include "normalize/characters.hpp"

namespace sentinelle {
namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Collapses every run of 3+ identical letters to `keep` letters ("nuuuul" → "nul" with 1).
// Digits are never collapsed: "1000" is a number, not an elongation.
template <typename Sequence, typename IsLetter>
void collapse_runs(const Sequence& in, std::size_t keep, IsLetter is_letter, Sequence& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size();) {
    std::size_t run = 1;
    while (i + run < in.size() && in[i + run] == in[i]) {
      ++run;
    }
    const bool stretch = run >= 3 && is_letter(in[i]);
    out.insert(out.end(), stretch ? keep : run, in[i]);
    i += run;
  }
}

// Picks the collapsed variant the lexicons know ("cool" from "cooool", "trop" from "trooop").
template <typename Fold>
void resolve_elongation(const Fold& fold_variant, const vocabulary_lookup& known,
                        folded_word& out) {
  std::string single = fold_variant(1);
  if (known && !known(single)) {
    std::string doubled = fold_variant(2);
    if (known(doubled)) {
      out.form = std::move(doubled);
      return;
    }
  }
  out.form = std::move(single);
}

template <typename Sequence, typename IsLetter>
bool has_letter_run(const Sequence& text, IsLetter is_letter) {
  for (std::size_t i = 2; i < text.size(); ++i) {
    if (text[i] == text[i - 1] && text[i] == text[i - 2] && is_letter(text[i])) {
      return true;
    }
  }
  return false;
}

void fold_ascii(std::string_view raw, const vocabulary_lookup& known, folded_word& out) {
  std::size_t upper = 0;
  std::size_t lower = 0;
  out.form.assign(raw);
  for (char& c : out.form) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    }
  }
  out.all_caps = upper >= 2 && lower == 0;
  out.has_lowercase = lower > 0;
  const auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  out.elongated = has_letter_run(out.form, is_letter);
  if (!out.elongated) {
    return;
  }
  const std::string lowered = std::move(out.form);
  resolve_elongation(
      [&](std::size_t keep) {
        std::string variant;
        collapse_runs(lowered, keep, is_letter, variant);
        return variant;
      },
      known, out);
}

const icu::Normalizer2& normalizer_instance(bool casefold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                              : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || instance == nullptr) {
    throw std::runtime_error("ICU normalizer data is missing");
  }
  return *instance;
}

// NFD, then drops combining marks and spells out the French ligatures (é → e, œ → oe). Spaces
// go too: NFKC writes a few letters as several words (U+FDFA) or a space and a mark (U+FE70),
// and a form is one token: `joined` separates forms by spaces.
std::string strip_accents(const std::u32string& code_points) {
  icu::UnicodeString text;
  for (const char32_t c : code_points) {
    text.append(static_cast<UChar32>(c));
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = normalizer_instance(false).normalize(text, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || u_isUWhiteSpace(c)) {
      continue;
    }
    switch (c) {
      case 0x0153:
        stripped.append(u"oe");
        break;  // œ
      case 0x00E6:
        stripped.append(u"ae");
        break;  // æ
      case 0x00F8:
        stripped.append(u'o');
        break;  // ø
      default:
        stripped.append(c);
    }
  }
  std::string utf8;
  stripped.toUTF8String(utf8);
  return utf8;
}

void fold_unicode(std::string_view raw, const vocabulary_lookup& known, folded_word& out) {
  const icu::UnicodeString original = icu::UnicodeString::fromUTF8(raw);
  std::size_t upper = 0;
  std::size_t lower = 0;
  icu::UnicodeString unified;
  for (int32_t i = 0; i < original.length();) {
    const UChar32 c = original.char32At(i);
    i += U16_LENGTH(c);
    upper += u_isUUppercase(c) ? 1 : 0;
    lower += u_isULowercase(c) ? 1 : 0;
    unified.append(is_apostrophe(c) ? UChar32{U'\''} : c);
  }
  out.all_caps = upper >= 2 && lower == 0;
  out.has_lowercase = lower > 0;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = normalizer_instance(true).normalize(unified, status);
  std::u32string code_points;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    code_points.push_back(static_cast<char32_t>(c));
  }
  const auto is_letter = [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; };
  out.elongated = has_letter_run(code_points, is_letter);
  if (!out.elongated) {
    out.form = strip_accents(code_points);
    return;
  }
  resolve_elongation(
      [&](std::size_t keep) {
        std::u32string variant;
        collapse_runs(code_points, keep, is_letter, variant);
        return strip_accents(variant);
      },
      known, out);
}

// What fold_plain_word needs to know of a Latin letter of two UTF-8 bytes; taken from ICU
// itself, through the same fold as fold_unicode, so the two paths cannot disagree.
struct latin_letter {
  char32_t folded = 0;  // NFKC_Casefold of the letter, one code point; 0: left to ICU
  bool upper = false;
  bool lower = false;
  std::uint8_t length = 0;         // bytes of `spelling`
  std::array<char, 4> spelling{};  // the folded form, accents dropped
};

constexpr char32_t latin_first = 0xC0;  // Latin-1 Supplement letters, Latin Extended-A and -B
constexpr char32_t latin_last = 0x24F;
using latin_table = std::array<latin_letter, latin_last - latin_first + 1>;

// Only letters whose case fold is one letter: ß (→ ss), ǅ (→ dž) and İ (→ i + mark) are left to
// ICU, as is the multiplication sign that sits among the letters.
latin_letter describe_latin(char32_t c) {
  latin_letter letter;
  const auto code_point = static_cast<UChar32>(c);
  if ((U_GET_GC_MASK(code_point) & U_GC_L_MASK) == 0) {
    return letter;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded =
      normalizer_instance(true).normalize(icu::UnicodeString(code_point), status);
  if (U_FAILURE(status) || folded.countChar32() != 1 || u_isalpha(folded.char32At(0)) == 0) {
    return letter;
  }
  const std::string spelled = strip_accents(std::u32string(1, folded.char32At(0)));
  if (spelled.empty() || spelled.size() > letter.spelling.size()) {
    return letter;
  }
  letter.folded = static_cast<char32_t>(folded.char32At(0));
  letter.upper = u_isUUppercase(code_point) != 0;
  letter.lower = u_isULowercase(code_point) != 0;
  letter.length = static_cast<std::uint8_t>(spelled.size());
  std::copy(spelled.begin(), spelled.end(), letter.spelling.begin());
  return letter;
}

const latin_table& latin_letters() {
  static const latin_table table = [] {
    latin_table letters;
    for (char32_t c = latin_first; c <= latin_last; ++c) {
      letters[c - latin_first] = describe_latin(c);
    }
    return letters;
  }();
  return table;
}

// The run of ASCII letters and digits that starts a word, as read_ascii_run found it.
struct ascii_run {
  unsigned length = 0;  // bytes; 0 when there are fewer than 16 bytes to read
  unsigned upper = 0;   // capitals, counted up to 2
  bool lower = false;
  bool letters = false;
  bool stretched = false;  // a letter three times in a row
};

#if defined(__SSE2__)
// Reads the run of ASCII letters and digits that starts the word, 16 bytes at a time (SSE2),
// where the byte loop of fold_plain_word takes three comparisons and a branch per byte: that
// loop was the analyzer's first item in perf. Needs 16 bytes to read; stores the 16 bytes
// case-folded at `folded`, of which the run's are the word's first.
ascii_run read_ascii_run(std::string_view text, char* folded) {
  ascii_run run;
  if (text.size() < 16) {
    return run;
  }
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data()));
  const auto within = [&](char low, char high) {  // signed compares: bytes >= 0x80 never fall in
    return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(bytes, _mm_set1_epi8(static_cast<char>(high + 1))));
  };
  const __m128i lower = within('a', 'z');
  const __m128i upper = within('A', 'Z');
  const __m128i letters = _mm_or_si128(lower, upper);
  const auto word_bits =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letters, within('0', '9'))));
  run.length = static_cast<unsigned>(__builtin_ctz(~word_bits | 0x10000U));
  // Case folded: capitals get the 0x20 bit. A letter three times in a row is a stretch.
  const __m128i lowered = _mm_or_si128(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  const __m128i same_as_next = _mm_cmpeq_epi8(lowered, _mm_srli_si128(lowered, 1));
  const __m128i same_as_second = _mm_cmpeq_epi8(lowered, _mm_srli_si128(lowered, 2));
  const auto stretched = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_and_si128(letters, _mm_and_si128(same_as_next, same_as_second))));
  const unsigned in_word = (1U << run.length) - 1;  // length <= 16
  run.stretched = run.length >= 3 && (stretched & (in_word >> 2)) != 0;
  const unsigned upper_bits = static_cast<unsigned>(_mm_movemask_epi8(upper)) & in_word;
  run.upper = upper_bits == 0 ? 0 : (upper_bits & (upper_bits - 1)) == 0 ? 1 : 2;
  run.lower = (static_cast<unsigned>(_mm_movemask_epi8(lower)) & in_word) != 0;
  run.letters = (static_cast<unsigned>(_mm_movemask_epi8(letters)) & in_word) != 0;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), lowered);
  return run;
}
#else
ascii_run read_ascii_run(std::string_view, char*) {
  return {};
}
#endif

}  // namespace

bool fold_plain_word(std::string_view text, std::string& form, plain_word& word) {
  // One pass over the bytes into a buffer on the stack, appended once: longer words, rare, take
  // the general path. Two passes (measure, then lower in place) cost more (callgrind).
  constexpr std::size_t max_bytes = 64;
  std::array<char, max_bytes + 16> folded;  // + a Latin letter's spelling, or the 16 bytes stored
  const ascii_run run = read_ascii_run(text, folded.data());
  if (run.stretched) {
    return false;  // a stretched letter ("nuuul"): fold_cache::fold picks the known variant
  }
  const auto take = [&](std::size_t bytes_out, std::size_t bytes_read, std::size_t capitals,
                        bool has_lowercase, bool has_letter) {
    form.append(folded.data(), bytes_out);
    word.length = bytes_read;
    word.all_caps = capitals >= 2 && !has_lowercase;
    word.has_lowercase = has_lowercase;
    word.digits_only = !has_letter;
    return true;
  };
  if (run.length > 0 && run.length < 16) {  // the commonest word: it ends on an ASCII byte
    const auto next = static_cast<unsigned char>(text[run.length]);
    if (next < 0x80 && next != '\'') {
      return take(run.length, run.length, run.upper, run.lower, run.letters);
    }
  }
  // The loop goes on after the ASCII run (a Latin letter, a longer word) or does it all.
  std::size_t out = run.length;
  std::size_t upper = run.upper;  // counted up to 2: "all capitals" needs two
  bool lower = run.lower;
  bool letter_seen = run.letters;
  char32_t previous[2] = {0, 0};  // the last two characters, case folded
  if (run.length >= 1) {
    previous[0] = static_cast<unsigned char>(folded[run.length - 1]);
  }
  if (run.length >= 2) {
    previous[1] = static_cast<unsigned char>(folded[run.length - 2]);
  }
  std::size_t at = run.length;
  const latin_table& letters = latin_letters();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  while (at < size && out < max_bytes) {
    const unsigned char byte = bytes[at];
    char32_t c = byte;
    bool letter = true;
    if (byte >= 'a' && byte <= 'z') {
      lower = true;
      folded[out++] = static_cast<char>(c);
      ++at;
    } else if (byte >= 'A' && byte <= 'Z') {
      upper += upper < 2 ? 1 : 0;
      c = byte - 'A' + 'a';
      folded[out++] = static_cast<char>(c);
      ++at;
    } else if (byte >= '0' && byte <= '9') {
      letter = false;
      folded[out++] = static_cast<char>(c);
      ++at;
    } else {
      // A Latin letter of two bytes, if the table knows it: another character ends the word.
      if (at + 1 >= size || (byte & 0xE0U) != 0xC0U || (bytes[at + 1] & 0xC0U) != 0x80U) {
        break;
      }
      c = ((byte & 0x1FU) << 6) | (bytes[at + 1] & 0x3FU);
      if (c < latin_first || c > latin_last || letters[c - latin_first].folded == 0) {
        break;
      }
      const latin_letter& l = letters[c - latin_first];
      upper += l.upper && upper < 2 ? 1 : 0;
      lower = lower || l.lower;
      c = l.folded;
      std::copy(l.spelling.begin(), l.spelling.end(), folded.begin() + static_cast<long>(out));
      out += l.length;
      at += 2;
    }
    if (letter && c == previous[0] && c == previous[1]) {
      return false;  // a stretched letter
    }
    letter_seen = letter_seen || letter;
    previous[1] = previous[0];
    previous[0] = c;
  }
  // Plain only if the word ends here: an apostrophe or any other character may continue it.
  if (at == 0 || out >= max_bytes || (at < size && (bytes[at] >= 0x80 || bytes[at] == '\''))) {
    return false;
  }
  return take(out, at, upper, lower, letter_seen);
}

folded_word& fold_cache::fold(std::string_view raw, const vocabulary_lookup& known) {
  if (is_ascii(raw)) {  // cheap enough that caching would cost more than it saves
    fold_ascii(raw, known, scratch_);
    scratch_.note = folded_word::not_noted;
    return scratch_;
  }
  if (const std::uint32_t found = index_.find(raw); found != form_table::absent) {
    return folded_[found];
  }
  if (folded_.size() >= max_entries) {
    clear();
  }
  folded_word folded;
  fold_unicode(raw, known, folded);
  index_[raw] = static_cast<std::uint32_t>(folded_.size());
  folded_.push_back(std::move(folded));
  return folded_.back();
}

}  // namespace sentinelle
