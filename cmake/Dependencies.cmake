# How each Debian 12 package is found (see ../shared/notes/deps.md for the pitfalls).
find_package(Threads REQUIRED)
find_package(Boost 1.74 CONFIG REQUIRED COMPONENTS graph)
find_package(fmt CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(pugixml CONFIG REQUIRED)
find_package(RapidJSON CONFIG REQUIRED)           # no target: wrapped below
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO      REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(RE2        REQUIRED IMPORTED_TARGET re2)      # .pc says 0.0.0: no version check
pkg_check_modules(SQLITE3    REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(POPPLERCPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(GVC        REQUIRED IMPORTED_TARGET libgvc libcgraph)
# libzip's CMake config needs the zipcmp/zipmerge/ziptool packages: use pkg-config instead.
pkg_check_modules(LIBZIP     REQUIRED IMPORTED_TARGET libzip)

add_library(rapidjson_headers INTERFACE)
target_include_directories(rapidjson_headers INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
