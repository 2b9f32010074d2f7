#pragma once

#include <string>

namespace sentinelle::zendesk {

// [plugins.zendesk] (README.md "Configuration"). Every key is optional.
struct settings {
  std::string signing_secret;  // Zendesk's own webhook signing secret (X-Zendesk-Webhook-Signature)
  std::string secret;          // "whsec_…": Standard Webhooks, for a relay that signs that way

  // Where each value is in the body: a JSON pointer ("/satisfaction_rating/id") or a dotted path
  // ("satisfaction_rating.id"). The defaults read the README's trigger body, which has the shape
  // of Zendesk's Satisfaction Rating object; "" turns an optional field off.
  std::string rating_id = "satisfaction_rating.id";
  std::string score = "satisfaction_rating.score";
  std::string comment = "satisfaction_rating.comment";
  std::string agent_id = "satisfaction_rating.assignee_id";
  std::string team_id = "satisfaction_rating.group_id";
  std::string ticket_id = "satisfaction_rating.ticket_id";
  std::string customer_id = "satisfaction_rating.requester_id";
  std::string submitted_at = "satisfaction_rating.updated_at";
  std::string channel = "ticket.via";
};

}  // namespace sentinelle::zendesk
