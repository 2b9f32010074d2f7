#pragma once

#include <simdjson.h>

#include <vector>

#include "plugin/hook_body.hpp"
#include "storage/event.hpp"
#include "typeform/typeform_settings.hpp"

namespace sentinelle::typeform {

// Reads `form_response.answers` into `out`'s scores and comment. A key of `config` that names a
// field (by ref or id) takes that field, and its value must fit the scale (else a problem). A key
// left empty is detected from the field's type and the definition's `properties` (README.md,
// "Mapping"); a detected value outside its scale means the guess was wrong, and it is left out.
void read_answers(simdjson::dom::object form_response, const settings& config, event& out,
                  std::vector<payload_problem>& problems);

}  // namespace sentinelle::typeform
