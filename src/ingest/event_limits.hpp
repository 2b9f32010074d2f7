#pragma once

// The limits and vocabularies of a canonical event (CONTRACT §4 Ingestion), written once: the
// canonical parser (event_fields.cpp) enforces them, and every source plugin that maps a
// platform's payload onto an event holds its values to the same, so that an event reaches the
// store with the same guarantees whichever door it came through.

#include <array>
#include <cstddef>
#include <string_view>

namespace sentinelle::event_limits {

inline constexpr std::size_t max_field_bytes = 256;    // ids and dimensions
inline constexpr std::size_t max_text_bytes = 100000;  // comments and message texts

inline constexpr std::array<std::string_view, 7> channels{"voice", "chat",  "email", "social",
                                                          "sms",   "store", "other"};
inline constexpr std::array<std::string_view, 7> platforms{
    "facebook", "instagram", "messenger", "chat", "email", "review", "other"};
inline constexpr std::array<std::string_view, 5> message_kinds{"comment", "post",
                                                               "private_message", "review",
                                                               "mention"};

}  // namespace sentinelle::event_limits
