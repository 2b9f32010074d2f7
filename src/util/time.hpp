#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sentinelle {

// RFC 3339 ("2026-11-20T14:03:00+01:00", "2026-11-20T13:03:00.250Z") → Unix milliseconds.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);
// "2026-11-20" → midnight UTC of that day, in Unix milliseconds.
std::optional<std::int64_t> parse_date(std::string_view text);
// Unix milliseconds → "2026-11-20T13:03:00.250Z" (UTC, milliseconds always written).
std::string format_rfc3339(std::int64_t unix_ms);
std::int64_t now_unix_ms();

}  // namespace sentinelle
