# Every dependency comes from a Debian 12 package (tools/install-deps); see ../shared/BUILD.md.
find_package(PkgConfig REQUIRED)
find_package(Boost 1.81 REQUIRED CONFIG)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(simdjson REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(tomlplusplus REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)  # libpq, for storage.url = "postgresql://…"
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
# The sentinelle binary allocates with tcmalloc (libgoogle-perftools-dev): under
# tools/bench/ingest's load glibc's malloc and free took ~10 % of the machine's CPU, and
# tcmalloc cut the server's CPU per request by 8-15 % (README.md, "Allocator"). Not with
# the sanitizers or libFuzzer, which bring their own allocator.
if(SENTINELLE_TCMALLOC AND NOT SENTINELLE_SANITIZE AND NOT SENTINELLE_BUILD_FUZZ)
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
endif()
if(SENTINELLE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(SENTINELLE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
