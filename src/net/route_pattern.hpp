#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "net/http_fields.hpp"

namespace sentinelle {

// A path pattern such as "/v1/alerts/{id}/acknowledge": literal segments and named `{param}`
// segments, each matching one whole non-empty segment. No wildcards or regexes: our API does
// not need them and exact segments keep routing obvious.
class route_pattern {
 public:
  // Throws std::invalid_argument on a malformed pattern (a start-up mistake): not starting
  // with '/', an empty or repeated parameter name, a brace inside a literal segment.
  explicit route_pattern(std::string_view pattern);

  // Matches decoded path segments; on success appends the parameters to `params`.
  bool match(const std::vector<std::string>& segments, http_fields& params) const;

  // At the first segment where they differ, a literal beats a parameter: "/a/stats" is more
  // specific than "/a/{id}", so both can be routed.
  bool more_specific_than(const route_pattern& other) const;

  // Same segments, parameters compared by position only: "/a/{x}" and "/a/{y}" are the same.
  bool same_shape(const route_pattern& other) const;

  const std::string& text() const { return text_; }

 private:
  struct segment {
    std::string text;  // the literal, or the parameter name
    bool is_param = false;
  };

  static segment parse_segment(std::string_view text, std::string_view pattern);

  std::string text_;
  std::vector<segment> segments_;
};

}  // namespace sentinelle
