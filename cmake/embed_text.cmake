# Helpers of the build-time embedding scripts (src/console/embed_assets.cmake,
# src/storage/embed_migrations.cmake), which run with `cmake -P`.

# Sets `out` to the C++ raw string literal R"delimiter(text)delimiter"; stops the build when the
# text holds the closing sequence, which would end the literal early.
function(raw_string_literal out file text delimiter)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file}: contains the raw-string delimiter ${delimiter}")
  endif()
  set(${out} "R\"${delimiter}(${text})${delimiter}\"" PARENT_SCOPE)
endfunction()

# Writes `content` to `path` only when it differs, so an unchanged input recompiles nothing.
function(write_if_changed path content)
  set(previous "")
  if(EXISTS "${path}")
    file(READ "${path}" previous)
  endif()
  if(NOT "${previous}" STREQUAL "${content}")
    file(WRITE "${path}" "${content}")
  endif()
endfunction()
