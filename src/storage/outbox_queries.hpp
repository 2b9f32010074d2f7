#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/outbox_store.hpp"

namespace sentinelle {

class sqlite_connection;

// The outbox_store operations as SQL on one connection. Writes run on the writer's connection
// (each in its own transaction), reads on a reader's. Every function reports failure by its
// return value and `error`.
namespace outbox_sql {

bool claim_due(sqlite_connection& db, std::int64_t now_ms, std::int64_t lease_ms,
               std::size_t limit, std::vector<outbound_delivery>& claimed, std::string& error);
std::optional<std::int64_t> next_due_ms(sqlite_connection& db, std::string& error);
bool mark_delivered(sqlite_connection& db, std::int64_t id, std::string& error);
bool reschedule(sqlite_connection& db, std::int64_t id, int attempts, std::int64_t next_ms,
                const std::string& last_error, std::string& error);
bool bury(sqlite_connection& db, std::int64_t id, int attempts, std::int64_t now_ms,
          const std::string& last_error, std::string& error);
bool disable_sink(sqlite_connection& db, const std::string& sink, std::int64_t now_ms,
                  const std::string& reason, std::string& error);
std::optional<bool> sink_disabled(sqlite_connection& db, const std::string& sink,
                                  std::string& error);
bool dead_letters(sqlite_connection& db, std::size_t limit, std::vector<dead_letter>& out,
                  std::string& error);
// True when the dead letter existed and is queued again.
bool replay_dead_letter(sqlite_connection& db, std::int64_t id, std::int64_t now_ms,
                        std::string& error);
std::optional<std::int64_t> pending(sqlite_connection& db, std::string& error);

}  // namespace outbox_sql
}  // namespace sentinelle
