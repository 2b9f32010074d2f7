# Warnings and sanitizers as INTERFACE targets that every one of our targets links, so third-party
# headers keep their own flags and ours stay strict.
add_library(sentinelle_warnings INTERFACE)
target_compile_options(sentinelle_warnings INTERFACE
  -Wall -Wextra -Werror -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
# GCC 12 at -O3 reports -Wrestrict inside libstdc++'s char_traits for `"literal" + std::string`
# (GCC bug 105329/105651, fixed in 13): a false positive in code we do not own, which appeared in
# five unrelated files. Off for GCC 12 only rather than rewriting each concatenation.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(sentinelle_warnings INTERFACE -Wno-restrict)
endif()

add_library(sentinelle_sanitizers INTERFACE)
if(SENTINELLE_SANITIZE)
  target_compile_options(sentinelle_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(sentinelle_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

add_library(sentinelle_options INTERFACE)
target_link_libraries(sentinelle_options INTERFACE sentinelle_warnings sentinelle_sanitizers)
