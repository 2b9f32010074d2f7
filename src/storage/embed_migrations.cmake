# Build-time script: embeds migrations/NNNN_name.sql into a C++ header, so the binary applies its
# schema without the source tree. Usage:
#   cmake -DMIGRATIONS_DIR=... -DOUTPUT=.../embedded_migrations.hpp -P embed_migrations.cmake
# NAMESPACE (default sentinelle::generated) lets a second schema (postgres/) embed its own list.
if(NOT NAMESPACE)
  set(NAMESPACE "sentinelle::generated")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/embed_text.cmake)
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
  raw_string_literal(literal "${file}" "${sql}" "${delimiter}")
  string(APPEND entries "    {${version}, \"${name}\", ${literal}},\n")
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
write_if_changed("${OUTPUT}" "${header}")
