#pragma once

// What the survey-form plugins share (Typeform, Formbricks; plugins/README.md). A respondent
// answers a form whose link carries hidden fields (?agent_id=a-17&channel=voice); the plugin
// picks the questions that feed the scores and the comment, and reads the hidden fields into the
// dimensions. How a platform says which question is which differs; the settings, the scales,
// the checks of an answer and the hidden fields do not, so they are written once here: every
// form platform takes the same keys and refuses the same answers in the same words.

#include <simdjson.h>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ingest/event_limits.hpp"
#include "plugin/hook_body.hpp"
#include "plugin/plugin_settings.hpp"
#include "storage/event.hpp"

namespace sentinelle::survey_form {

// The canonical schema's limits: a form's values are held to what POST /v1/surveys accepts.
inline constexpr std::size_t max_dimension = event_limits::max_field_bytes;  // ids, dimensions
inline constexpr std::size_t max_comment = event_limits::max_text_bytes;     // the comment

// The keys a survey-form plugin takes in [plugins.NAME] besides its own (its secret…). The
// plugin's settings derive from this, and keys<>() declares them for read_settings.
struct settings {
  // Which question feeds which score: the platform's question id (or ref). Empty: the plugin
  // finds it another way (its README.md, "Mapping").
  std::string nps;
  std::string csat;
  std::string ces;
  std::string comment;

  // The channel of responses that carry no `channel` hidden field; empty leaves it unset.
  std::string channel;

  // The hidden fields read into each dimension; [plugins.NAME.hidden] in the configuration.
  std::string hidden_agent_id = "agent_id";
  std::string hidden_team_id = "team_id";
  std::string hidden_queue = "queue";
  std::string hidden_customer_id = "customer_id";
  std::string hidden_interaction_id = "interaction_id";
  std::string hidden_channel = "channel";
  std::string hidden_touchpoint = "touchpoint";
  std::string hidden_language = "language";
};

// One key of `settings`; the hidden field names come from a nested table, flattened to
// "hidden.NAME" (plugin_settings.hpp).
struct form_key {
  std::string_view name;
  std::string settings::*member;
};

inline constexpr std::array<form_key, 13> form_keys{{
    {"nps", &settings::nps},
    {"csat", &settings::csat},
    {"ces", &settings::ces},
    {"comment", &settings::comment},
    {"channel", &settings::channel},
    {"hidden.agent_id", &settings::hidden_agent_id},
    {"hidden.team_id", &settings::hidden_team_id},
    {"hidden.queue", &settings::hidden_queue},
    {"hidden.customer_id", &settings::hidden_customer_id},
    {"hidden.interaction_id", &settings::hidden_interaction_id},
    {"hidden.channel", &settings::hidden_channel},
    {"hidden.touchpoint", &settings::hidden_touchpoint},
    {"hidden.language", &settings::hidden_language},
}};

// Every key of a plugin's table for read_settings: the plugin's `own`, then form_keys.
template <class Settings>
std::vector<setting_key<Settings>> keys(std::initializer_list<setting_key<Settings>> own) {
  static_assert(std::is_base_of_v<settings, Settings>,
                "a survey-form plugin's settings derive from survey_form::settings");
  std::vector<setting_key<Settings>> all(own);
  for (const form_key& key : form_keys) {
    all.push_back({key.name, static_cast<std::string Settings::*>(key.member)});
  }
  return all;
}

// What read_settings cannot check: false and `error` ("plugins.NAME.channel: must be one of
// voice, chat, …") when the default channel is not one of the contract's. A plugin calls it
// after checking its own keys.
bool check_settings(const plugin_settings& table, const settings& form, std::string& error);

// The four questions a response can feed, in the order they are read and their problems listed.
enum role : std::size_t { nps, csat, ces, comment };
inline constexpr std::array<role, 4> roles{nps, csat, ces, comment};

// "nps", "csat", "ces", "comment": the role's key in the settings and in the problems.
std::string_view name_of(role wanted);

// The question the settings name for `wanted`; empty when none is named.
const std::string& configured(const settings& form, role wanted);

// One answer a plugin chose for a role.
struct chosen_answer {
  // Its value: a number for a score, a text for the comment; an error when it has none.
  simdjson::simdjson_result<simdjson::dom::element> value;
  std::string field;  // where, for a 422: "form_response.answers[2].number"
  // Named (by the settings, or by a conventional question id) rather than detected from its
  // type: a value that does not fit is then the sender's mistake, not a wrong guess.
  bool named = false;
};

// Reads `answer` into `out` as `wanted`: a score is an integer on its scale (nps 0–10, csat 1–5,
// ces 1–7), the comment a text of at most max_comment bytes. A named answer that does not fit is
// a problem, a detected one is left out; a comment too long is always a problem. `named_as` is
// how the plugin's problems call a named question ("the field configured as").
void read_answer(role wanted, const chosen_answer& answer, std::string_view named_as, event& out,
                 std::vector<payload_problem>& problems);

// Whether a response gave a score or a comment: one with neither is skipped, not stored.
bool has_answers(const event& survey);

// Where a platform keeps one response's hidden fields.
struct hidden_fields {
  simdjson::dom::object values;  // hidden field name → text
  std::string prefix;            // a value's path is prefix + name: "form_response.hidden."
  std::string_view not_text;     // the problem of a value that is not a string
};

// Fills `out`'s dimensions from the hidden fields `form` names. A value that is not a string, or
// is longer than max_dimension, is a problem; an absent or null one leaves its dimension.
void read_hidden_fields(const hidden_fields& hidden, const settings& form, event& out,
                        std::vector<payload_problem>& problems);

// Hidden fields come from the form's link, so the respondent can change them: a channel the
// contract does not know becomes "other" rather than refusing the response, and none gives the
// configured default.
void settle_channel(const settings& form, event& out);

}  // namespace sentinelle::survey_form
