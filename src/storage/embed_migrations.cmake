# Build-time script: embeds migrations/NNNN_name.sql into a C++ header, so the binary applies its
# schema without the source tree. Usage:
#   cmake -DMIGRATIONS_DIR=... -DOUTPUT=.../embedded_migrations.hpp -P embed_migrations.cmake
# NAMESPACE (default sentinelle::generated) lets a second schema (postgres/) embed its own list.
if(NOT NAMESPACE)
  set(NAMESPACE "sentinelle::generated")
endif()
file(GLOB files "${MIGRATIONS_DIR}/*.sql")
list(SORT files)

set(delimiter "sentinelle_sql")
set(entries "")
set(expected 1)
foreach(file IN LISTS files)
  get_filename_component(name "${file}" NAME_WE)
  if(NOT name MATCHES "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+$")
    message(FATAL_ERROR "${file}: migrations are named NNNN_snake_case.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "${file}: expected migration number ${expected} (no gaps, no repeats)")
  endif()
  file(READ "${file}" sql)
  string(FIND "${sql}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file}: contains the raw-string delimiter ${delimiter}")
  endif()
  string(APPEND entries "    {${version}, \"${name}\", R\"${delimiter}(${sql})${delimiter}\"},\n")
  math(EXPR expected "${expected} + 1")
endforeach()
math(EXPR count "${expected} - 1")
if(count EQUAL 0)
  message(FATAL_ERROR "${MIGRATIONS_DIR}: no migration found")
endif()

set(header "// Generated from ${MIGRATIONS_DIR} by embed_migrations.cmake: do not edit.
#pragma once

#include <array>

#include \"storage/migrations.hpp\"

namespace ${NAMESPACE} {

inline constexpr std::array<migration, ${count}> embedded_migrations{{
${entries}}};

}  // namespace ${NAMESPACE}
")
# Rewrite only on change, so an unchanged schema does not recompile anything.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT "${previous}" STREQUAL "${header}")
  file(WRITE "${OUTPUT}" "${header}")
endif()
