# Compiler flags shared by every Oversight target.
#
# Determinism: -ffp-contract=off keeps a*b+c from being fused differently on different
# machines; -ffast-math and -march=native are never used (see docs/PERFORMANCE.md).
add_library(oversight_flags INTERFACE)
add_library(oversight::flags ALIAS oversight_flags)
target_compile_options(oversight_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -ffp-contract=off
  $<$<BOOL:${OVERSIGHT_WERROR}>:-Werror>)

# Adds a stage library `oversight_<name>` with alias `oversight::<name>`.
# Usage: oversight_stage(<name> SOURCES a.cc b.cc DEPS oversight::core ...)
function(oversight_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(oversight_${name} STATIC ${ARG_SOURCES})
  add_library(oversight::${name} ALIAS oversight_${name})
  target_include_directories(oversight_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(oversight_${name} PUBLIC ${ARG_DEPS} PRIVATE oversight::flags)
endfunction()
