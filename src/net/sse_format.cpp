#include "net/sse_format.hpp"

namespace sentinelle {

std::string format_sse_event(std::string_view data, std::optional<std::int64_t> id) {
  std::string event;
  event.reserve(data.size() + 32);
  if (id) {
    event.append("id: ").append(std::to_string(*id)).push_back('\n');
  }
  for (;;) {
    const auto end = data.find_first_of("\r\n");
    event.append("data: ").append(data.substr(0, end)).push_back('\n');
    if (end == std::string_view::npos) {
      break;
    }
    const bool crlf = data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n';
    data.remove_prefix(end + (crlf ? 2 : 1));
  }
  event.push_back('\n');
  return event;
}

}  // namespace sentinelle
