#pragma once

#include <unicode/umachine.h>

namespace sentinelle {

// The apostrophes customers type: ASCII, the typographic right and left quotes, and the
// modifier letter phones insert. The tokenizer keeps them inside words and the folder unifies
// them to ASCII, so both must agree on this one list.
inline bool is_apostrophe(UChar32 c) {
  return c == U'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

}  // namespace sentinelle
