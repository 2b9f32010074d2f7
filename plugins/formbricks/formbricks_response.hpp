#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "formbricks/formbricks_settings.hpp"
#include "plugin/hook_body.hpp"
#include "storage/event.hpp"

namespace sentinelle::formbricks {

// One `responseFinished` response of a delivery, and where it sits in the body.
struct finished_response {
  simdjson::dom::object response;
  std::string path;  // "data", "[1].data", "data[2]"… (for the 422 details)
};

// Fills `out` (a survey) from one response: its id (`webhook_id`, or `webhook_id:response id`
// when the delivery holds `several`), answers, hidden fields, contact, language, survey and
// time (README.md, "Mapping"). Problems are appended; false when the response holds no score
// and no comment, so there is nothing to store.
bool read_response(const finished_response& item, std::string_view webhook_id, bool several,
                   const settings& config, event& out, std::vector<payload_problem>& problems);

}  // namespace sentinelle::formbricks
