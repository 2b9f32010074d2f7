#include "net/json_text.hpp"

#include "util/json_writer.hpp"
#include "util/utf8.hpp"

namespace sentinelle {

void append_json_text(std::string& out, std::string_view text) {
  if (!find_invalid_utf8(text)) {
    append_json_string(out, text);
    return;
  }
  std::string ascii(text);
  for (char& c : ascii) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      c = '?';
    }
  }
  append_json_string(out, ascii);
}

}  // namespace sentinelle
