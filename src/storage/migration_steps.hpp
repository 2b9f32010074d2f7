#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace sentinelle {

// One numbered schema step, from migrations/NNNN_name.sql (or postgres/migrations/).
struct migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Runs one migration's SQL, or records it in schema_migrations, on the engine's connection.
using migration_action = std::function<bool(const migration& step, std::string& error)>;

// Brings a database at `version` up to the last of `migrations`, in order, inside the caller's
// transaction: each missing step is run, then recorded. A database with a newer version than
// `migrations` knows is refused (an older binary must not write into a schema it does not
// understand). The rule is the same on every engine; `run` and `record` are the engine's SQL.
bool apply_missing_migrations(std::span<const migration> migrations, std::int64_t version,
                              const migration_action& run, const migration_action& record,
                              std::string& error);

}  // namespace sentinelle
