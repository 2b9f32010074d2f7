#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sentinelle {

enum class token_kind : std::uint8_t { word, number, emoji, emoticon, punct };

// One unit of normalized text. `begin`/`end` are byte offsets into the ORIGINAL text, so a match
// on normalized forms can be shown on what the customer wrote.
struct token {
  std::uint32_t form_begin = 0;  // offset of the form in normalized_text::joined
  std::uint32_t form_length = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t form_id = UINT32_MAX;  // index of the form in the lexicon vocabulary, if known
  token_kind kind = token_kind::word;
  bool all_caps = false;    // "NUL": written in capitals (an intensity cue)
  bool elongated = false;   // "nuuuul", "😡😡😡": stretched for emphasis
  std::uint8_t repeat = 1;  // punctuation run length ("!!!" is 3), capped at 255
};

// The normalized form of one text: folded tokens, each also laid out in `joined` as
// " form form form " (one space around every form) so re2 patterns can match whole tokens.
struct normalized_text {
  std::string joined;
  std::vector<token> tokens;
  bool all_caps_text = false;  // every word is in capitals: capitals then carry no emphasis

  // No bounds check (string_view::substr's showed in the scorer's profile, which asks for forms
  // several times per token): the tokenizer lays every form inside `joined`.
  std::string_view form(std::size_t index) const {
    const token& t = tokens[index];
    return {joined.data() + t.form_begin, t.form_length};
  }
  void clear() {
    joined.assign(1, ' ');
    tokens.clear();
    all_caps_text = false;
  }
};

}  // namespace sentinelle
