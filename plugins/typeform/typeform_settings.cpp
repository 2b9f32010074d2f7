#include "typeform/typeform_settings.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace sentinelle::typeform {
namespace {

// Every key of [plugins.typeform], declared once (plugins/README.md). The hidden field names
// come from a nested table, [plugins.typeform.hidden], flattened to "hidden.NAME".
constexpr std::array<setting_key<settings>, 14> keys{{
    {"secret", &settings::secret, true},
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

// The canonical survey channels (CONTRACT §4 Ingestion).
constexpr std::array<std::string_view, 7> channels{"voice", "chat",  "email", "social",
                                                   "sms",   "store", "other"};

}  // namespace

bool read_settings(const plugin_settings& table, settings& out, std::string& error) {
  if (!sentinelle::read_settings<settings>(table, keys, out, error)) {
    return false;
  }
  if (out.secret.empty()) {
    error = "plugins.typeform.secret: must not be empty";
    return false;
  }
  if (!out.channel.empty() &&
      std::find(channels.begin(), channels.end(), out.channel) == channels.end()) {
    error =
        "plugins.typeform.channel: must be one of voice, chat, email, social, sms, store, other";
    return false;
  }
  return true;
}

}  // namespace sentinelle::typeform
