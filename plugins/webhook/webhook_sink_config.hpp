#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"

namespace sentinelle {

// One [[sinks.webhook]] table: declared once, in the configuration (config/config.hpp), which
// reads it from TOML; find_sink_config_problem() checks it once at start-up, never per delivery.
using webhook_sink_config = webhook_sink_settings;

// "" when the sink is usable, else "sinks.webhook[<name>].<key>: <what is wrong>" (the secret's
// value is never quoted).
std::string find_sink_config_problem(const webhook_sink_config& sink);

// The first problem among all sinks, duplicate names included; "" when none.
std::string find_sinks_config_problem(const std::vector<webhook_sink_config>& sinks);

}  // namespace sentinelle
