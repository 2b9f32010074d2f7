#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/outbox_store.hpp"

namespace sentinelle::pg {

class connection;

// The outbox on PostgreSQL (storage/outbox_queries.hpp's semantics), each call its own
// transaction on the caller's connection. claim_due locks the rows it takes with
// FOR UPDATE SKIP LOCKED: instances claiming at the same moment take disjoint rows.
namespace outbox_sql {

bool claim_due(connection& db, std::int64_t now_ms, std::int64_t lease_ms, std::size_t limit,
               std::vector<outbound_delivery>& claimed, std::string& error);
std::optional<std::int64_t> next_due_ms(connection& db, std::string& error);
bool mark_delivered(connection& db, std::int64_t id, std::string& error);
bool reschedule(connection& db, std::int64_t id, int attempts, std::int64_t next_ms,
                const std::string& last_error, std::string& error);
bool bury(connection& db, std::int64_t id, int attempts, std::int64_t now_ms,
          const std::string& last_error, std::string& error);
bool disable_sink(connection& db, const std::string& sink, std::int64_t now_ms,
                  const std::string& reason, std::string& error);
std::optional<bool> sink_disabled(connection& db, const std::string& sink, std::string& error);
bool dead_letters(connection& db, std::size_t limit, std::vector<dead_letter>& out,
                  std::string& error);
bool replay_dead_letter(connection& db, std::int64_t id, std::int64_t now_ms, std::string& error);
std::optional<std::int64_t> pending(connection& db, std::string& error);

}  // namespace outbox_sql
}  // namespace sentinelle::pg
