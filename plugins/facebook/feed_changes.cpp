// entry[].changes[]: Facebook Page feed changes (field "feed") and Instagram comments (field
// "comments" or "live_comments"). Everything else a Page or account can subscribe to (mentions,
// story insights, ratings…) is skipped and counted.
#include <optional>

#include "facebook/item_reader.hpp"
#include "facebook/meta_mapping.hpp"

namespace sentinelle::meta {
namespace {

// The feed items whose text a customer wrote: a comment, or a post on the Page in one of the
// shapes Meta reports it (a status, a photo or a video with a message). Reactions, likes,
// shares, events, ratings… carry no text of theirs: "" (skipped).
std::string_view feed_message_kind(std::string_view item) {
  if (item == "comment") {
    return "comment";
  }
  if (item == "post" || item == "status" || item == "photo" || item == "video") {
    return "post";
  }
  return {};
}

// What a feed verb does to the stored copy. hide, unhide, block, follow, mute… change who sees
// the item, not what it says: nullopt (skipped).
std::optional<event_change> feed_change(std::string_view verb) {
  if (verb == "add") {
    return event_change::add;
  }
  if (verb == "edited" || verb == "edit") {
    return event_change::edit;
  }
  if (verb == "remove" || verb == "delete") {
    return event_change::erase;
  }
  return std::nullopt;
}

void map_feed(item_reader& value, const entry_context& entry, mapping& out) {
  const std::string_view kind = feed_message_kind(value.word("/item"));
  const std::optional<event_change> change = feed_change(value.word("/verb"));
  if (kind.empty() || !change) {
    ++out.batch.skipped;
    return;
  }
  const std::size_t problems_before = value.problem_count();
  event e = message_event(entry, "facebook", kind, true);
  e.change = *change;
  e.author_id = value.id("/from/id", false);
  // The Page's own posts and replies are not customers speaking. A removal is never skipped:
  // whoever removed it, the text must go (erasing what was never stored is harmless).
  if (e.change != event_change::erase && !e.author_id.empty() && e.author_id == entry.account_id) {
    ++out.batch.skipped;
    return;
  }
  const bool comment = kind == "comment";
  e.id = std::string(comment ? comment_prefix : post_prefix) +
         value.id(comment ? "/comment_id" : "/post_id", true);
  e.author_name = value.text("/from/name", item_reader::max_id);
  e.post_id = value.id("/post_id", false);
  e.parent_id = value.id("/parent_id", false);
  e.verbatim = value.text("/message");
  e.occurred_at_ms = value.unix_ms("/created_time").value_or(entry.time_ms);
  if (value.problem_count() == problems_before) {
    out.batch.events.push_back(std::move(e));
  }
}

// Instagram has no edit or removal notification for comments: each one is an addition.
void map_instagram_comment(item_reader& value, const entry_context& entry, mapping& out) {
  const std::size_t problems_before = value.problem_count();
  event e = message_event(entry, "instagram", "comment", true);
  e.author_id = value.id("/from/id", false);
  if (!e.author_id.empty() && e.author_id == entry.account_id) {
    ++out.batch.skipped;  // the account answering on its own media
    return;
  }
  e.id = std::string(instagram_comment_prefix) + value.id("/id", true);
  e.author_name = value.text("/from/username", item_reader::max_id);
  e.post_id = value.id("/media/id", false);
  e.parent_id = value.id("/parent_id", false);
  e.verbatim = value.text("/text");
  if (value.problem_count() == problems_before) {
    out.batch.events.push_back(std::move(e));
  }
}

}  // namespace

void map_change(simdjson::dom::element change, const entry_context& entry, const std::string& path,
                mapping& out) {
  item_reader reader(change, path, entry, out.problems);
  if (!change.is_object()) {
    reader.problem("", "must be a JSON object");
    return;
  }
  const std::string_view field = reader.word("/field");
  const bool feed = entry.object == product::page && field == "feed";
  const bool comments =
      entry.object == product::instagram && (field == "comments" || field == "live_comments");
  if (!feed && !comments) {
    ++out.batch.skipped;
    return;
  }
  simdjson::dom::element value;
  if (change["value"].get(value) != simdjson::SUCCESS || !value.is_object()) {
    reader.problem("/value", "must be a JSON object");
    return;
  }
  item_reader value_reader(value, path + ".value", entry, out.problems);
  if (feed) {
    map_feed(value_reader, entry, out);
  } else {
    map_instagram_comment(value_reader, entry, out);
  }
}

}  // namespace sentinelle::meta
