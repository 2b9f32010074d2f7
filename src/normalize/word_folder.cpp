#include "normalize/word_folder.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
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

}  // namespace

const folded_word& fold_cache::fold(std::string_view raw, const vocabulary_lookup& known) {
  if (is_ascii(raw)) {  // cheap enough that caching would cost more than it saves
    fold_ascii(raw, known, scratch_);
    return scratch_;
  }
  if (const auto found = entries_.find(raw); found != entries_.end()) {
    return found->second;
  }
  if (entries_.size() >= max_entries) {
    entries_.clear();
  }
  folded_word folded;
  fold_unicode(raw, known, folded);
  return entries_.emplace(std::string(raw), std::move(folded)).first->second;
}

}  // namespace sentinelle
