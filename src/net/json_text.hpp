#pragma once

#include <string>
#include <string_view>

namespace sentinelle {

// Appends `text` as a quoted JSON string that is valid whatever `text` holds: when it is not
// valid UTF-8 (client bytes echoed in an error message or a log line), every byte from 0x80 up
// is replaced by '?'. The output stays JSON; only hostile or broken input is altered.
void append_json_text(std::string& out, std::string_view text);

}  // namespace sentinelle
