#include "normalize/normalizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <utility>

#include "normalize/characters.hpp"
#include "util/utf8.hpp"

namespace sentinelle {
namespace {

// French elided forms and what they stand for: grammar, not vocabulary, so it lives in code.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> elisions{{
    {"l", "le"},
    {"j", "je"},
    {"n", "ne"},
    {"qu", "que"},
    {"c", "ce"},
    {"d", "de"},
    {"s", "se"},
    {"m", "me"},
    {"t", "te"},
    {"jusqu", "jusque"},
    {"lorsqu", "lorsque"},
    {"puisqu", "puisque"},
}};

// The index in `elisions` of an elided form, or nullopt.
std::optional<std::size_t> find_elision(std::string_view form) {
  for (std::size_t i = 0; i < elisions.size(); ++i) {
    if (form == elisions[i].first) {
      return i;
    }
  }
  return std::nullopt;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return is_ascii_alnum(static_cast<unsigned char>(c));
  }
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

bool is_emoji_base(UChar32 c) {
  return c >= 0xA9 && (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                       u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR));
}

// Joiners and modifiers that belong to the emoji before them: variation selectors, skin tones,
// the keycap mark and tags; a zero-width joiner also takes the next emoji.
bool is_emoji_modifier(UChar32 c) {
  return c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 ||
         (c >= 0xE0020 && c <= 0xE007F);
}

char sentence_mark(UChar32 c) {
  switch (c) {
    case '.':
    case 0x2026:
    case '\n':
    case '\r':
      return '.';
    case '!':
    case 0xA1:
      return '!';
    case '?':
    case 0xBF:
      return '?';
    case ';':
      return ';';
    case ',':
    case ':':
    case '(':
    case ')':
    case '[':
    case ']':
      return ',';
    case '/':
      return '/';
    default:
      return 0;
  }
}

bool is_digits(std::string_view form) {
  return !form.empty() &&
         std::all_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

// One pass over one text; lives only for the duration of normalizer::normalize.
class tokenizer {
 public:
  tokenizer(const normalizer& rules, std::string_view text, normalized_text& out, fold_cache& cache,
            bool expand_sms)
      : rules_(rules),
        text_(text),
        out_(out),
        cache_(cache),
        expand_sms_(expand_sms),
        known_([&rules](std::string_view form) {
          return rules.form_id(form) != normalizer::unknown_form;
        }) {}

  void run() {
    out_.clear();
    while (at_ < text_.size()) {
      if (text_[at_] == ' ') {  // a space only separates (no emoticon or mark starts with one)
        ++at_;
        continue;
      }
      read_next();
    }
    out_.all_caps_text = saw_capital_word_ && !saw_lowercase_;
  }

 private:
  void read_next() {
    const auto byte = static_cast<unsigned char>(text_[at_]);
    if (byte < 0x80) {  // ASCII fast path: no decoding, no ICU property lookups
      if (is_ascii_alnum(byte)) {
        read_word();
      } else if (read_emoticon()) {
        return;
      } else if (const char mark = sentence_mark(byte); mark != 0) {
        read_punctuation(mark);
      } else {
        ++at_;  // spaces, quotes, symbols and controls only separate tokens
      }
      return;
    }
    const UChar32 c = peek(at_);
    if (is_word_char(c)) {
      read_word();
    } else if (is_emoji_base(c)) {
      read_emoji();
    } else if (const char mark = sentence_mark(c); mark != 0) {
      read_punctuation(mark);
    } else {
      advance();
    }
  }

  UChar32 peek(std::size_t offset) const {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text_.data());
    auto position = static_cast<std::int32_t>(offset);
    UChar32 c = 0;
    U8_NEXT(bytes, position, static_cast<std::int32_t>(text_.size()), c);
    return c;
  }
  std::size_t next_offset(std::size_t offset) const {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text_.data());
    auto position = static_cast<std::int32_t>(offset);
    U8_FWD_1(bytes, position, static_cast<std::int32_t>(text_.size()));
    return static_cast<std::size_t>(position);
  }
  void advance() { at_ = next_offset(at_); }

  static constexpr std::uint32_t look_up = normalizer::unknown_form - 1;

  void emit(std::string_view form, std::size_t begin, std::size_t end, token_kind kind,
            bool all_caps = false, bool elongated = false, std::size_t repeat = 1,
            std::uint32_t form_id = look_up) {
    token t;
    t.form_begin = static_cast<std::uint32_t>(out_.joined.size());
    t.form_length = static_cast<std::uint32_t>(form.size());
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.form_id = form_id == look_up ? rules_.form_id(form) : form_id;
    t.kind = kind;
    t.all_caps = all_caps;
    t.elongated = elongated;
    t.repeat = static_cast<std::uint8_t>(std::min<std::size_t>(repeat, 255));
    out_.joined.append(form);
    out_.joined.push_back(' ');
    out_.tokens.push_back(t);
  }

  // Moves over one character of a word; false at the end of the word.
  bool step_word_char() {
    const auto byte = static_cast<unsigned char>(text_[at_]);
    if (byte < 0x80) {
      if (is_ascii_alnum(byte)) {
        ++at_;
        return true;
      }
      return false;
    }
    if (is_word_char(peek(at_))) {
      advance();
      return true;
    }
    return false;
  }

  // A word: letters, digits and marks, with apostrophes inside it. Elided prefixes ("l'",
  // "qu'") become tokens of their own; other apostrophes stay inside ("aujourd'hui").
  void read_word() {
    if (read_plain_word()) {
      return;
    }
    std::size_t piece_begin = at_;
    while (at_ < text_.size()) {
      if (step_word_char()) {
        continue;
      }
      if (!is_apostrophe(peek(at_))) {
        break;
      }
      const std::size_t after = next_offset(at_);
      if (after >= text_.size() || !is_word_char(peek(after))) {
        break;
      }
      const folded_word& piece = cache_.fold(text_.substr(piece_begin, at_ - piece_begin), known_);
      saw_lowercase_ = saw_lowercase_ || piece.has_lowercase;
      if (const auto elision = find_elision(piece.form)) {
        emit(elisions[*elision].second, piece_begin, after, token_kind::word, piece.all_caps, false,
             1, rules_.elision_ids_[*elision]);
        piece_begin = after;
        at_ = after;
        if (read_plain_word()) {  // "l'attente": the rest is most often a plain word
          return;
        }
        continue;
      }
      at_ = after;
    }
    emit_word(piece_begin, at_);
  }

  // The common case, a plain word (fold_plain_word): folded straight into `joined`. Reads
  // nothing and returns false for any other word, left to the general path.
  bool read_plain_word() {
    std::string& joined = out_.joined;
    const std::size_t form_begin = joined.size();
    plain_word word;
    if (!fold_plain_word(text_.substr(at_), joined, word)) {
      return false;
    }
    const std::size_t begin = at_;
    const std::size_t end = at_ + word.length;
    const std::size_t length = joined.size() - form_begin;
    saw_lowercase_ = saw_lowercase_ || word.has_lowercase;
    saw_capital_word_ = saw_capital_word_ || word.all_caps;
    const normalizer::form_info info = rules_.info(std::string_view(joined).substr(form_begin));
    at_ = end;
    if (expand_sms_ && info.sms != normalizer::unknown_form) {
      joined.resize(form_begin);
      emit_sms(rules_.sms_expansions_[info.sms], begin, end, word.all_caps, false);
      return true;
    }
    token t;
    t.form_begin = static_cast<std::uint32_t>(form_begin);
    t.form_length = static_cast<std::uint32_t>(length);
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.form_id = info.id;
    t.kind = word.digits_only ? token_kind::number : token_kind::word;
    t.all_caps = word.all_caps;
    joined.push_back(' ');
    out_.tokens.push_back(t);
    return true;
  }

  void emit_sms(const normalizer::sms_expansion& expansion, std::size_t begin, std::size_t end,
                bool all_caps, bool elongated) {
    for (std::size_t i = 0; i < expansion.forms.size(); ++i) {
      emit(expansion.forms[i], begin, end, token_kind::word, all_caps, elongated, 1,
           expansion.ids[i]);
    }
  }

  // The normalizer's info on a folded word: looked up once per cached word, kept in its note.
  normalizer::form_info info_of(folded_word& word) const {
    static constexpr std::uint32_t no_info = folded_word::not_noted - 1;
    if (word.note == folded_word::not_noted) {
      const std::uint32_t value = rules_.table_.find(word.form);
      word.note = value == form_table::absent ? no_info : value;
    }
    return word.note == no_info ? normalizer::form_info{} : rules_.decode(word.note);
  }

  void emit_word(std::size_t begin, std::size_t end) {
    folded_word& word = cache_.fold(text_.substr(begin, end - begin), known_);
    saw_lowercase_ = saw_lowercase_ || word.has_lowercase;
    saw_capital_word_ = saw_capital_word_ || word.all_caps;
    if (word.form.empty()) {
      return;  // marks with no letter ("\u0301" after a space) fold to nothing: no token
    }
    const normalizer::form_info info = info_of(word);
    if (expand_sms_ && info.sms != normalizer::unknown_form) {
      emit_sms(rules_.sms_expansions_[info.sms], begin, end, word.all_caps, word.elongated);
      return;
    }
    emit(word.form, begin, end, is_digits(word.form) ? token_kind::number : token_kind::word,
         word.all_caps, word.elongated, 1, info.id);
  }

  // Emoticons are matched longest first, case-insensitively; one must not run into a word
  // or a URL ("http://" holds ":/"), nor follow a digit (a time such as "10:30").
  bool read_emoticon() {
    const auto first = static_cast<unsigned char>(text_[at_]);
    if (first >= 0x80 || !rules_.emoticon_start_[first]) {
      return false;
    }
    if (at_ > 0 && text_[at_ - 1] >= '0' && text_[at_ - 1] <= '9') {
      return false;
    }
    for (const std::string& emoticon : rules_.emoticons_) {
      if (!matches_lowercase(emoticon)) {
        continue;
      }
      const std::size_t end = at_ + emoticon.size();
      if (end < text_.size() && (is_word_char(peek(end)) || text_[end] == '/')) {
        continue;
      }
      emit(emoticon, at_, end, token_kind::emoticon);
      at_ = end;
      return true;
    }
    return false;
  }

  bool matches_lowercase(std::string_view emoticon) const {
    if (text_.size() - at_ < emoticon.size()) {
      return false;
    }
    for (std::size_t i = 0; i < emoticon.size(); ++i) {
      char c = text_[at_ + i];
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
      if (c != emoticon[i]) {
        return false;
      }
    }
    return true;
  }

  // One emoji with its modifiers and joined parts; a run of the same emoji is one token,
  // marked elongated ("😡😡😡" insists).
  void read_emoji() {
    const std::size_t begin = at_;
    const std::size_t base_end = next_offset(at_);
    const std::string_view base = text_.substr(begin, base_end - begin);
    std::size_t count = 0;
    while (at_ < text_.size() && text_.substr(at_, base.size()) == base) {
      at_ += base.size();
      ++count;
      skip_emoji_modifiers();
    }
    emit(base, begin, at_, token_kind::emoji, false, count >= 2, count);
  }

  void skip_emoji_modifiers() {
    while (at_ < text_.size()) {
      const UChar32 c = peek(at_);
      if (is_emoji_modifier(c)) {
        advance();
      } else if (c == 0x200D) {  // zero-width joiner: the next emoji is part of this one
        advance();
        if (at_ < text_.size()) {
          advance();
        }
      } else {
        return;
      }
    }
  }

  // "!!!", "?!", "..." become one token; its repeat count is an intensity cue.
  void read_punctuation(char mark) {
    const std::size_t begin = at_;
    advance();
    std::size_t run = 1;
    bool exclamation = mark == '!';
    bool question = mark == '?';
    const bool sentence_end = mark == '.' || mark == '!' || mark == '?';
    while (sentence_end && at_ < text_.size()) {
      const char next = sentence_mark(peek(at_));
      if (next != '.' && next != '!' && next != '?') {
        break;
      }
      exclamation = exclamation || next == '!';
      question = question || next == '?';
      ++run;
      advance();
    }
    const char* form = exclamation ? "!" : question ? "?" : mark == ';' ? "." : nullptr;
    const char single[2] = {mark, 0};
    const std::string_view text = form != nullptr ? form : single;
    emit(text, begin, at_, token_kind::punct, false, false, run,
         rules_.punct_ids_[static_cast<unsigned char>(text[0]) & 0x7F]);
  }

  const normalizer& rules_;
  std::string_view text_;
  normalized_text& out_;
  fold_cache& cache_;
  bool expand_sms_;
  vocabulary_lookup known_;
  std::size_t at_ = 0;
  bool saw_lowercase_ = false;
  bool saw_capital_word_ = false;
};

void normalizer::add_emoticon(std::string_view emoticon) {
  std::string lowered(emoticon);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (std::find(emoticons_.begin(), emoticons_.end(), lowered) != emoticons_.end()) {
    return;
  }
  emoticon_start_[static_cast<unsigned char>(lowered.front()) & 0x7F] = true;
  emoticons_.push_back(std::move(lowered));
  std::stable_sort(emoticons_.begin(), emoticons_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::uint64_t normalizer::next_stamp() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

void normalizer::add_sms_spelling(std::string_view folded_key, std::string_view replacement) {
  stamp_ = next_stamp();
  std::uint32_t& value = table_[folded_key];
  if ((value & has_sms) == 0 || value == form_table::absent) {
    const form_info known = decode(value);
    value = has_sms | static_cast<std::uint32_t>(infos_.size());
    infos_.push_back(known);
  }
  infos_[value & ~has_sms].sms = static_cast<std::uint32_t>(sms_expansions_.size());
  sms_expansions_.push_back({forms(replacement), {}});
}

void normalizer::set_vocabulary(const std::vector<std::string>& vocabulary) {
  stamp_ = next_stamp();
  for (std::uint32_t id = 0; id < vocabulary.size(); ++id) {
    std::uint32_t& value = table_[vocabulary[id]];
    if (value != form_table::absent && (value & has_sms) != 0) {
      infos_[value & ~has_sms].id = id;
    } else {
      value = id;
    }
  }
  // Punctuation marks and elided words are emitted constantly: their ids are looked up once.
  for (std::size_t c = 0; c < punct_ids_.size(); ++c) {
    const char mark[2] = {static_cast<char>(c), 0};
    punct_ids_[c] = form_id(mark);
  }
  for (std::size_t i = 0; i < elisions.size(); ++i) {
    elision_ids_[i] = form_id(elisions[i].second);
  }
  for (sms_expansion& expansion : sms_expansions_) {
    expansion.ids.clear();
    for (const std::string& form : expansion.forms) {
      expansion.ids.push_back(form_id(form));
    }
  }
}

std::uint32_t normalizer::form_id(std::string_view form) const {
  return info(form).id;
}

std::optional<std::size_t> normalizer::normalize(std::string_view text, normalized_text& out,
                                                 fold_cache& cache) const {
  if (const auto invalid = find_invalid_utf8(text)) {
    out.clear();
    return invalid;
  }
  cache.bind(stamp_);
  tokenizer(*this, text, out, cache, true).run();
  return std::nullopt;
}

std::vector<std::string> normalizer::forms(std::string_view text) const {
  std::vector<std::string> result;
  if (find_invalid_utf8(text)) {
    return result;
  }
  // Loading a lexicon normalizes thousands of patterns: one scratch text and cache per thread
  // (the stamp empties the cache whenever the vocabulary it depends on changes).
  thread_local normalized_text normalized;
  thread_local fold_cache cache;
  cache.bind(stamp_);
  tokenizer(*this, text, normalized, cache, false).run();
  for (std::size_t i = 0; i < normalized.tokens.size(); ++i) {
    result.emplace_back(normalized.form(i));
  }
  return result;
}

}  // namespace sentinelle
