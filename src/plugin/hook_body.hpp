#pragma once

// The body hand-off of a platform's webhook route (plugins/README.md, "Source plugins"). Once a
// plugin has authenticated the sender on the raw bytes, every JSON platform does the same: read
// the body, refuse what is not JSON, map the rest to canonical events, answer, and count the
// answer in the plugin's source_stats. Written once so that every platform answers a broken
// body with the same statuses, codes and messages, and /metrics counts them the same way.

#include <simdjson.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_request.hpp"
#include "net/http_response.hpp"
#include "net/responder.hpp"
#include "plugin/source_plugin.hpp"

namespace sentinelle {

// One reason a delivery is refused with 422: where in the payload, and what is wrong.
struct payload_problem {
  std::string field;  // "form_response.answers[2].number", as the platform's JSON names it
  std::string message;
};

// What a plugin made of one delivery. All or nothing, as the pipeline stores it: one problem
// refuses the whole delivery.
struct mapped_payload {
  delivery batch;                         // handed to the pipeline when there is no problem
  std::vector<payload_problem> problems;  // any: 422 invalid_event, these as its details
  std::string refusal;                    // the 422's message: "not a Chatwoot delivery …"
};

// How a platform's bodies are read, before its own mapping sees them.
struct json_body_rules {
  // The 415's message for another media type: what the platform sends, or how to set it up.
  std::string_view wrong_media_type = {};
  // Whether a request without Content-Type is read as JSON rather than refused with 415: for
  // platforms whose relays may leave it out (Chatwoot, Zendesk).
  bool content_type_optional = false;
  // The 422's message for JSON that is not an object; empty: any JSON value reaches the mapping
  // (which then names what it expected in its details).
  std::string_view not_an_object = {};
};

// Turns the parsed body into events. `root` lives until the mapping returns: copy what is kept.
using payload_mapping = std::function<mapped_payload(simdjson::dom::element root)>;

// What a route does once the sender is authenticated: 415 unsupported_media_type, 400
// invalid_utf8 (naming the first bad byte), 400 invalid_json, or 422 invalid_event (`rules`, then
// the mapping's problems), each counted as invalid; else the mapped batch is counted and handed
// to the pipeline, which answers once it is stored.
void hand_off_json_body(plugin_context& context, const http_request& request, responder reply,
                        const json_body_rules& rules, const payload_mapping& map);

// Sends `answer`, which refuses a delivery, and counts it: 401 and 403 as unauthorized (the
// credentials), any other status as invalid (the body).
void refuse(source_stats& stats, const responder& reply, http_response answer);

// Counts one delivery and the items it skipped, and hands its batch to the pipeline.
void submit(plugin_context& context, delivery batch, responder reply);

}  // namespace sentinelle
