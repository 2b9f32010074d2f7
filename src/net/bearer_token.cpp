#include "net/bearer_token.hpp"

#include <boost/beast/core/string.hpp>

namespace sentinelle {

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "Bearer ";
  if (authorization.size() <= scheme.size() ||
      !boost::beast::iequals(authorization.substr(0, scheme.size()), scheme)) {
    return std::nullopt;
  }
  return authorization.substr(scheme.size());
}

}  // namespace sentinelle
