# Build-time script: embeds every file of assets/ into a C++ header, with its Content-Type and
# an ETag (a digest of its bytes), so the binary serves the console without the source tree.
# Usage: cmake -DASSETS_DIR=... -DOUTPUT=.../embedded_assets.hpp -P embed_assets.cmake
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
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file}: contains the raw-string delimiter ${delimiter}")
  endif()
  string(SHA256 digest "${content}")
  string(SUBSTRING "${digest}" 0 20 tag)
  string(APPEND entries "    {\"${name}\", \"${type}\", \"\\\"${tag}\\\"\",\n"
                        "     R\"${delimiter}(${content})${delimiter}\"},\n")
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
# Rewrite only on change, so unchanged assets do not recompile anything.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT "${previous}" STREQUAL "${header}")
  file(WRITE "${OUTPUT}" "${header}")
endif()
