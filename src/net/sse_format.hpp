#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sentinelle {

// The Server-Sent Events wire format (WHATWG HTML §9.2). Hand-written: it is three line kinds.

// Sent first: how long an EventSource waits before it reconnects after the stream ends.
inline constexpr std::string_view sse_retry = "retry: 2000\n\n";
// A comment line: keeps proxies and the client's own timeouts from cutting an idle stream.
inline constexpr std::string_view sse_heartbeat = ": heartbeat\n\n";

// `id: <id>\n` when given, then `data: <line>\n` for each line of `data`, then a blank line.
// Lines are split at CR LF, LF or CR: a bare CR would end a line on the client too.
std::string format_sse_event(std::string_view data, std::optional<std::int64_t> id);

}  // namespace sentinelle
