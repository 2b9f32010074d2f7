#pragma once

#include "net/router.hpp"

namespace sentinelle {

// The built-in supervisor console (CONTRACT §4 `GET /`): `GET /` serves the page and
// `GET /console/{file}` its scripts, styles and icon, all embedded in the binary. The page
// itself holds no data and needs no token; it asks for one when the API answers 401.
void add_console_routes(router& routes);

}  // namespace sentinelle
