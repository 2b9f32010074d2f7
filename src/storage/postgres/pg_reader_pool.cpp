#include "storage/postgres/pg_reader_pool.hpp"

namespace sentinelle::pg {

bool reader_pool::reusable(connection& db) {
  if (db.broken()) {
    return false;  // the server went away or restarted: a later lease connects afresh
  }
  if (db.in_transaction()) {
    std::string ignored;  // a call that failed mid-way must not leave its snapshot behind
    db.exec("ROLLBACK", ignored);
  }
  return true;
}

}  // namespace sentinelle::pg
