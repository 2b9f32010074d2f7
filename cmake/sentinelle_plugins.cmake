# Source plugins (plugins/README.md). Each plugin folder calls
#   sentinelle_add_source_plugin(NAME facebook SOURCES a.cpp b.cpp [LIBRARIES lib...])
# which builds `sentinelle_plugin_<NAME>` and records NAME, so plugins/CMakeLists.txt can
# generate the registry the core reads (fluent-bit's plugin list). The plugin's .cpp defines
# `extern const sentinelle::plugin_descriptor <NAME>_source_plugin`. Its `tests/` folder, when
# there is one, is added by tests/CMakeLists.txt with the rest of the suite.
function(sentinelle_add_source_plugin)
  cmake_parse_arguments(PLUGIN "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT PLUGIN_NAME MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "plugin name '${PLUGIN_NAME}': lower case, digits and _ only")
  endif()
  set(target sentinelle_plugin_${PLUGIN_NAME})
  add_library(${target} STATIC ${PLUGIN_SOURCES})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/plugins)
  target_link_libraries(${target} PUBLIC sentinelle_plugin_api
                        PRIVATE ${PLUGIN_LIBRARIES} sentinelle_options)
  set_property(GLOBAL APPEND PROPERTY SENTINELLE_SOURCE_PLUGINS ${PLUGIN_NAME})
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/CMakeLists.txt)
    set_property(GLOBAL APPEND PROPERTY SENTINELLE_PLUGIN_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/tests)
  endif()
endfunction()
