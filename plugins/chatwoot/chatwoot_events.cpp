#include "chatwoot/chatwoot_events.hpp"

#include <array>
#include <optional>
#include <string>

#include "chatwoot/chatwoot_payload.hpp"

namespace sentinelle::chatwoot {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr std::string_view source_name = "chatwoot";
constexpr std::string_view rating_field =
    "content_attributes.submitted_values.csat_survey_response";

// Chatwoot's inbox types (`conversation.channel`) → the contract's message platform and the
// channel dimension (README.md "Channels"). WhatsApp, Telegram and LINE are chats on platforms
// the contract does not name: platform "other", channel "chat".
struct inbox_type {
  std::string_view chatwoot_class;
  std::string_view platform;
  std::string_view channel;
};

constexpr std::array<inbox_type, 12> inbox_types{{
    {"Channel::WebWidget", "chat", "chat"},
    {"Channel::Email", "email", "email"},
    {"Channel::FacebookPage", "messenger", "social"},
    {"Channel::Instagram", "instagram", "social"},
    {"Channel::TwitterProfile", "other", "social"},
    {"Channel::Whatsapp", "other", "chat"},
    {"Channel::Telegram", "other", "chat"},
    {"Channel::Line", "other", "chat"},
    {"Channel::Sms", "other", "sms"},
    {"Channel::TwilioSms", "other", "sms"},
    {"Channel::Voice", "other", "voice"},
    {"Channel::Api", "other", "other"},
}};

const inbox_type& inbox_type_of(std::string_view chatwoot_class) {
  static constexpr inbox_type unknown{"", "other", "other"};
  for (const inbox_type& known : inbox_types) {
    if (known.chatwoot_class == chatwoot_class) {
      return known;
    }
  }
  return unknown;
}

// What every event of one conversation shares: where it happened and who handled it.
struct conversation_facts {
  const inbox_type* inbox = &inbox_type_of("");
  std::string conversation_id;
  std::string agent_id;
  std::string team_id;
  std::string contact_id;
  std::string queue;
};

void read_meta(payload_reader& read, object conversation, conversation_facts& out) {
  const auto meta = member_object(conversation, "meta");
  if (!meta) {
    return;
  }
  if (const auto assignee = member_object(*meta, "assignee")) {
    out.agent_id = read.id(*assignee, "id", "conversation.meta.assignee.id");
  }
  if (const auto team = member_object(*meta, "team")) {
    out.team_id = read.id(*team, "id", "conversation.meta.team.id");
  }
  if (const auto sender = member_object(*meta, "sender")) {
    out.contact_id = read.id(*sender, "id", "conversation.meta.sender.id");
  }
}

conversation_facts read_conversation(payload_reader& read, object body) {
  conversation_facts out;
  if (const auto inbox = member_object(body, "inbox")) {
    // The inbox's name is what supervisors know as the queue; its id when it has none.
    out.queue = read.text(*inbox, "name", "inbox.name");
    out.queue = out.queue.empty() ? read.id(*inbox, "id", "inbox.id") : out.queue;
  }
  if (const auto conversation = member_object(body, "conversation")) {
    out.inbox = &inbox_type_of(member_text(*conversation, "channel"));
    out.conversation_id = read.id(*conversation, "id", "conversation.id");
    read_meta(read, *conversation, out);
    const auto contact_inbox = member_object(*conversation, "contact_inbox");
    if (contact_inbox && out.contact_id.empty()) {
      out.contact_id =
          read.id(*contact_inbox, "contact_id", "conversation.contact_inbox.contact_id");
    }
  }
  return out;
}

event conversation_event(event_kind kind, const conversation_facts& facts, std::int64_t now_ms) {
  event out;
  out.kind = kind;
  out.source = std::string(source_name);
  out.received_at_ms = now_ms;
  out.channel = facts.inbox->channel;
  out.agent_id = facts.agent_id;
  out.team_id = facts.team_id;
  out.queue = facts.queue;
  out.customer_id = facts.contact_id;
  return out;
}

// `message_type` is "incoming" in webhooks and 0 in Chatwoot's message lists; outgoing (1),
// activity (2) and template (3) are the team's, the bot's or the system's words.
bool is_incoming(element type) {
  std::string_view name;
  std::int64_t number = -1;
  return (type.get(name) == simdjson::SUCCESS && name == "incoming") ||
         (type.get(number) == simdjson::SUCCESS && number == 0);
}

bool is_private_note(object body) {
  bool flag = false;
  const auto found = member(body, "private");
  return found && found->get(flag) == simdjson::SUCCESS && flag;
}

bool has_attachments(object body) {
  array attachments;
  const auto found = member(body, "attachments");
  return found && found->get(attachments) == simdjson::SUCCESS && attachments.size() > 0;
}

void map_message(payload_reader& read, object body, std::string_view delivery_id,
                 std::int64_t now_ms, delivery& out) {
  const auto type = member(body, "message_type");
  if (!type) {
    read.problem("message_type", "is required");
    return;
  }
  if (!is_incoming(*type) || is_private_note(body)) {
    ++out.skipped;
    return;
  }
  std::string text = read.text(body, "content", "content", max_text);
  if (text.empty() && !has_attachments(body)) {
    ++out.skipped;  // nothing the customer wrote or sent
    return;
  }
  const std::string message_id = read.id(body, "id", "id");
  if (message_id.empty()) {
    read.problem("id", "is required (the message id)");
  }
  if (delivery_id.size() > max_string) {
    read.problem("X-Chatwoot-Delivery", "is longer than " + std::to_string(max_string) + " bytes");
  }
  const conversation_facts facts = read_conversation(read, body);
  event message = conversation_event(event_kind::message, facts, now_ms);
  message.id = delivery_id.empty() ? message_id : std::string(delivery_id);
  message.occurred_at_ms = payload_reader::moment(body, "created_at", now_ms);
  message.platform = facts.inbox->platform;
  message.message_kind = "private_message";
  message.conversation_id = facts.conversation_id;
  if (const auto sender = member_object(body, "sender")) {
    message.author_id = read.id(*sender, "id", "sender.id");
    message.author_name = read.text(*sender, "name", "sender.name");
  }
  // An incoming message's sender is the contact: the customer a deletion request names.
  message.customer_id = message.author_id.empty() ? facts.contact_id : message.author_id;
  message.verbatim = std::move(text);
  out.events.push_back(std::move(message));
}

// The customer's answer to the CSAT message, once submitted.
std::optional<object> csat_response(object body) {
  if (member_text(body, "content_type") != "input_csat") {
    return std::nullopt;
  }
  const auto attributes = member_object(body, "content_attributes");
  const auto submitted = attributes ? member_object(*attributes, "submitted_values") : std::nullopt;
  return submitted ? member_object(*submitted, "csat_survey_response") : std::nullopt;
}

void map_csat(payload_reader& read, object body, std::int64_t now_ms, delivery& out) {
  const auto response = csat_response(body);
  const auto rating = response ? member(*response, "rating") : std::nullopt;
  if (!rating) {
    ++out.skipped;  // another update of a message, or a survey not answered yet
    return;
  }
  std::int64_t score = 0;
  if (rating->get(score) != simdjson::SUCCESS || score < 1 || score > 5) {
    read.problem(std::string(rating_field) + ".rating", "must be an integer from 1 to 5");
  }
  const std::string message_id = read.id(body, "id", "id");
  if (message_id.empty()) {
    read.problem("id", "is required (the CSAT message id)");
  }
  const conversation_facts facts = read_conversation(read, body);
  event survey = conversation_event(event_kind::survey, facts, now_ms);
  // One answer is one survey: Chatwoot sends message_updated, each time with a new delivery id,
  // on every change of the CSAT message, so the key is the message's (README.md "Dedupe").
  survey.id = "csat-" + message_id;
  survey.occurred_at_ms = payload_reader::moment(body, "updated_at", now_ms);
  survey.interaction_id = facts.conversation_id;
  survey.csat = static_cast<int>(score);
  survey.verbatim = read.text(*response, "feedback_message",
                              std::string(rating_field) + ".feedback_message", max_text);
  out.events.push_back(std::move(survey));
}

}  // namespace

mapped_payload map_delivery(object body, std::string_view delivery_id, std::int64_t now_ms) {
  mapped_payload result;
  result.refusal = "not a Chatwoot delivery sentinelle can read";
  payload_reader read(result.problems);
  const std::string_view name = member_text(body, "event");
  if (name.empty()) {
    read.problem("event", "is required (the name of the Chatwoot event)");
  } else if (name == "message_created") {
    map_message(read, body, delivery_id, now_ms, result.batch);
  } else if (name == "message_updated") {
    map_csat(read, body, now_ms, result.batch);
  } else {
    ++result.batch.skipped;  // conversation_created, webwidget_triggered…: nothing to score
  }
  if (!result.problems.empty()) {
    result.batch = {};
  }
  return result;
}

}  // namespace sentinelle::chatwoot
