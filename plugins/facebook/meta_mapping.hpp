#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/source_plugin.hpp"

namespace sentinelle::meta {

// One thing wrong with a delivery: where (a path such as "entry[0].changes[1].value.comment_id")
// and what. A delivery with any problem is refused whole (422), as canonical batches are.
struct problem {
  std::size_t entry = 0;
  std::string field;
  std::string message;
};

// What a delivery has become so far: the events to store, what was skipped on purpose, and the
// problems found.
struct mapping {
  delivery batch;
  std::vector<problem> problems;
};

// Which Meta product a delivery comes from (its "object").
enum class product : unsigned char { page, instagram };

// The entry an item belongs to: the Page or Instagram professional account that received it.
struct entry_context {
  product object = product::page;
  std::size_t index = 0;
  std::string account_id;    // entry.id
  std::int64_t time_ms = 0;  // entry.time, else when the delivery arrived
  std::int64_t now_ms = 0;   // when the delivery arrived
};

// Prefixes that keep the kinds of Meta ids apart in the one (kind, source = "facebook", id)
// namespace, and make a stored id say what it is ("fb-comment-…", CONTRACT §4's example).
inline constexpr std::string_view comment_prefix = "fb-comment-";
inline constexpr std::string_view post_prefix = "fb-post-";
inline constexpr std::string_view messenger_prefix = "messenger-";
inline constexpr std::string_view instagram_comment_prefix = "ig-comment-";
inline constexpr std::string_view instagram_message_prefix = "ig-dm-";

// One element of entry[].changes[]: a Page feed change or an Instagram comment; anything else
// is skipped.
void map_change(simdjson::dom::element change, const entry_context& entry, const std::string& path,
                mapping& out);

// One element of entry[].messaging[] (or standby[]): a Messenger or Instagram direct message,
// its edit or its deletion; echoes, receipts, reactions and postbacks are skipped.
void map_messaging(simdjson::dom::element item, const entry_context& entry, const std::string& path,
                   mapping& out);

// A message event of this plugin with what every Meta item shares.
event message_event(const entry_context& entry, std::string_view platform,
                    std::string_view message_kind, bool is_public);

}  // namespace sentinelle::meta
