#pragma once

#include <functional>
#include <string>

namespace sentinelle {

// `begin` … COMMIT around statements that must happen together, on either engine's connection
// (both have exec(sql, error)): `body` false or a failed COMMIT rolls everything back.
template <typename Connection>
bool in_transaction(Connection& db, const char* begin, const std::function<bool()>& body,
                    std::string& error) {
  if (!db.exec(begin, error)) {
    return false;
  }
  if (body() && db.exec("COMMIT", error)) {
    return true;
  }
  std::string ignored;  // the failure that matters is already in `error`
  db.exec("ROLLBACK", ignored);
  return false;
}

}  // namespace sentinelle
