#pragma once

#include <cstddef>
#include <string>

#include "storage/connection_pool.hpp"
#include "storage/postgres/pg_connection.hpp"

namespace sentinelle::pg {

// Connections for reads and for the outbox's short transactions, apart from the writer's, so
// they never wait behind a group commit. A caller leases one for the duration of a call; a
// broken one is dropped when given back (the next lease opens a fresh one), and at most
// `max_idle` are kept. discard_idle() is for a connection found broken: the server restarted or
// dropped us, and the others are broken too, though nothing says so until each is used.
class reader_pool : public connection_pool<connection> {
 public:
  explicit reader_pool(std::string url, std::size_t max_idle = 4)
      : connection_pool(std::move(url), max_idle, &reusable) {}

 private:
  static bool reusable(connection& db);
};

}  // namespace sentinelle::pg
