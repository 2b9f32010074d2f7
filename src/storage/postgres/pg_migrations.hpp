#pragma once

#include <span>
#include <string>

#include "storage/migrations.hpp"

namespace sentinelle::pg {

class connection;

// The PostgreSQL schema compiled into this binary (postgres/migrations/NNNN_name.sql), in order.
std::span<const migration> embedded_migrations();

// Brings the database up to the last of `migrations` in one transaction that first takes a
// transaction-level advisory lock, so instances starting together migrate one after the other:
// the second finds the work done. A database at a newer version is refused, as for SQLite.
bool apply_migrations(connection& db, std::span<const migration> migrations, std::string& error);

}  // namespace sentinelle::pg
