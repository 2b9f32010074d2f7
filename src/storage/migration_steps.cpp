#include "storage/migration_steps.hpp"

namespace sentinelle {

bool apply_missing_migrations(std::span<const migration> migrations, std::int64_t version,
                              const migration_action& run, const migration_action& record,
                              std::string& error) {
  const auto known = static_cast<std::int64_t>(migrations.size());
  if (version > known) {
    error = "database schema version " + std::to_string(version) +
            " is newer than this binary knows (" + std::to_string(known) +
            "): refusing to open it; run a newer sentinelle";
    return false;
  }
  for (const migration& step : migrations.subspan(static_cast<std::size_t>(version))) {
    if (!run(step, error)) {
      error = "migration " + std::string(step.name) + " failed: " + error;
      return false;
    }
    if (!record(step, error)) {
      return false;
    }
  }
  return true;
}

}  // namespace sentinelle
