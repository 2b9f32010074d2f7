#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "typeform/typeform_settings.hpp"

namespace sentinelle::typeform {

inline constexpr std::size_t max_verbatim = 100000;  // as the canonical `comment` (event_fields)

// One reason a delivery is refused with 422: where in the payload, and what is wrong.
struct problem {
  std::string field;  // "form_response.answers[2].number"
  std::string message;
};

// The survey answers of one form response.
struct survey_answers {
  std::optional<int> nps;
  std::optional<int> csat;
  std::optional<int> ces;
  std::string comment;

  bool empty() const { return !nps && !csat && !ces && comment.empty(); }
};

// Reads `form_response.answers`. A key of `config` that names a field (by ref or id) takes that
// field, and its value must fit the scale (else a problem). A key left empty is detected from
// the field's type and the definition's `properties` (README.md, "Mapping"); a detected value
// outside its scale means the guess was wrong, and it is left out.
survey_answers read_answers(simdjson::dom::object form_response, const settings& config,
                            std::vector<problem>& problems);

}  // namespace sentinelle::typeform
