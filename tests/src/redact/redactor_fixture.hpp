#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "redact/pii_redactor.hpp"

namespace sentinelle::testing {

// One redactor for the whole test program, as the server shares one between its threads.
inline const pii_redactor& shared_redactor() {
  static const std::unique_ptr<pii_redactor> redactor = [] {
    std::string error;
    auto created = pii_redactor::create(error);
    if (!created) {
      ADD_FAILURE() << error;
      std::abort();
    }
    return created;
  }();
  return *redactor;
}

inline std::string redacted(std::string_view text) {
  std::string out;
  shared_redactor().redact(text, out);
  return out;
}

}  // namespace sentinelle::testing
