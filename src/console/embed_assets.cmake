# Build-time script: embeds every file of assets/ into a C++ header, with its Content-Type and
# an ETag (a digest of its bytes), so the binary serves the console without the source tree.
# Usage: cmake -DASSETS_DIR=... -DOUTPUT=.../embedded_assets.hpp -P embed_assets.cmake
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/embed_text.cmake)
file(GLOB files "${ASSETS_DIR}/*")
list(SORT files)

# Only text types: each asset becomes a raw string literal. A new kind of file needs a line here.
set(type_html "text/html; charset=utf-8")
set(type_js "text/javascript; charset=utf-8")
set(type_css "text/css; charset=utf-8")
set(type_svg "image/svg+xml")

set(delimiter "sentinelle_asset")
set(entries "")
set(count 0)
foreach(file IN LISTS files)
  get_filename_component(name "${file}" NAME)
  if(NOT name MATCHES "^[a-z0-9_]+\\.([a-z]+)$")
    message(FATAL_ERROR "${file}: console assets are named snake_case.ext")
  endif()
  set(type "${type_${CMAKE_MATCH_1}}")
  if(type STREQUAL "")
    message(FATAL_ERROR "${file}: no Content-Type known for .${CMAKE_MATCH_1}")
  endif()
  file(READ "${file}" content)
  raw_string_literal(literal "${file}" "${content}" "${delimiter}")
  string(SHA256 digest "${content}")
  string(SUBSTRING "${digest}" 0 20 tag)
  string(APPEND entries "    {\"${name}\", \"${type}\", \"\\\"${tag}\\\"\",\n"
                        "     ${literal}},\n")
  math(EXPR count "${count} + 1")
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "${ASSETS_DIR}: no asset found")
endif()

set(header "// Generated from src/console/assets by embed_assets.cmake: do not edit.
#pragma once

#include <array>

#include \"console/static_asset.hpp\"

namespace sentinelle::generated {

inline constexpr std::array<static_asset, ${count}> console_assets{{
${entries}}};

}  // namespace sentinelle::generated
")
write_if_changed("${OUTPUT}" "${header}")
