#pragma once

#include <span>
#include <string>
#include <string_view>

#include "storage/migration_steps.hpp"

namespace sentinelle {

class sqlite_connection;

// The migrations compiled into this binary, in order (versions 1..N without gaps).
std::span<const migration> embedded_migrations();

// Brings the database up to the last of `migrations`: applies the missing ones in order, in one
// transaction, each recorded in schema_migrations. A database already at that version is left
// as is; one with a newer version than `migrations` knows is refused (an older binary must not
// write into a schema it does not understand).
bool apply_migrations(sqlite_connection& db, std::span<const migration> migrations,
                      std::string& error);

}  // namespace sentinelle
