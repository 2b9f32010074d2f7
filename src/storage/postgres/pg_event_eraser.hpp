#pragma once

#include "storage/event_store.hpp"
#include "storage/rollup.hpp"

namespace sentinelle::pg {

class connection;

// Erasure inside the writer's transaction (storage/event_eraser.hpp's semantics): the matching
// events are read and locked (FOR UPDATE), their contribution — their alert counted as total,
// and as open if it was — is subtracted into `rollups`, their deliveries and dead letters are
// deleted, then the events (alerts follow by ON DELETE CASCADE).
erasure_result erase_events(connection& db, const erasure_request& request,
                            rollup_changes& rollups);

}  // namespace sentinelle::pg
