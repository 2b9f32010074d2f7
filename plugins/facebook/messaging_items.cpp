// entry[].messaging[] (and standby[]): direct messages to a Page on Messenger or to an
// Instagram professional account. What a customer wrote is kept; what the Page sent (echoes)
// and what only reports activity (delivery and read receipts, reactions, postbacks, opt-ins,
// referrals, handovers…) is skipped and counted.
#include <string>

#include "facebook/item_reader.hpp"
#include "facebook/meta_mapping.hpp"

namespace sentinelle::meta {
namespace {

// Where the message's own fields are: a new message, or an edit of one sent before.
struct message_shape {
  std::string_view pointer;  // "/message" or "/message_edit"
  event_change change = event_change::add;
};

std::optional<message_shape> shape_of(const item_reader& item) {
  if (item.has("/message_edit")) {
    return message_shape{"/message_edit", event_change::edit};
  }
  if (!item.has("/message")) {
    return std::nullopt;  // delivery, read, reaction, postback…
  }
  // Instagram reports a message the customer unsent as the message with is_deleted.
  const bool unsent = item.flag("/message/is_deleted");
  return message_shape{"/message", unsent ? event_change::erase : event_change::add};
}

std::string at(std::string_view pointer, std::string_view member) {
  return std::string(pointer) + std::string(member);
}

}  // namespace

void map_messaging(simdjson::dom::element item, const entry_context& entry, const std::string& path,
                   mapping& out) {
  item_reader reader(item, path, entry, out.problems);
  if (!item.is_object()) {
    reader.problem("", "must be a JSON object");
    return;
  }
  const std::optional<message_shape> shape = shape_of(reader);
  if (!shape || reader.flag("/message/is_echo")) {
    ++out.batch.skipped;
    return;
  }
  const std::size_t problems_before = reader.problem_count();
  const bool messenger = entry.object == product::page;
  event e = message_event(entry, messenger ? "messenger" : "instagram", "private_message", false);
  e.change = shape->change;
  // Chat Plugin visitors have a user_ref instead of a Page-scoped id.
  e.author_id = reader.id("/sender/id", false);
  e.author_id = e.author_id.empty() ? reader.id("/sender/user_ref", true) : e.author_id;
  if (e.author_id == entry.account_id) {
    ++out.batch.skipped;  // the Page or account writing, even without is_echo
    return;
  }
  // One conversation per customer and Page: Meta threads a customer's messages that way.
  e.conversation_id = e.author_id;
  e.id = std::string(messenger ? messenger_prefix : instagram_message_prefix) +
         reader.id(at(shape->pointer, "/mid"), true);
  // Attachments alone (a photo, a sticker) leave the text empty: stored, not analysed.
  e.verbatim = reader.text(at(shape->pointer, "/text"));
  e.parent_id = reader.id("/message/reply_to/mid", false);
  e.occurred_at_ms = reader.unix_ms("/timestamp").value_or(entry.time_ms);
  if (reader.problem_count() == problems_before) {
    out.batch.events.push_back(std::move(e));
  }
}

}  // namespace sentinelle::meta
