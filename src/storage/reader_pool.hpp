#pragma once

#include "storage/connection_pool.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {

// Reader connections for find / scores / count / ready, apart from the writer's, so reads run
// beside a commit (WAL). A caller leases one connection for the duration of a call; a new one is
// opened when all are busy, and at most `max_idle` are kept for later.
using reader_pool = connection_pool<sqlite_connection>;

}  // namespace sentinelle
