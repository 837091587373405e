# kartla_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...]): a doctest program,
# one process per test case under ctest. Usable from any folder (plugins' tests
# too). LABELS mark slow tests that need a large program (ctest -LE to skip them).
find_package(doctest REQUIRED)
include(doctest)

function(kartla_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  # ctest splits test names at ';' and then silently runs nothing for either half.
  foreach(source IN LISTS T_SOURCES)
    file(STRINGS ${source} bad_names REGEX "TEST_CASE\\(\"[^\"]*;")
    if(bad_names)
      message(FATAL_ERROR "${source}: a test name contains ';', which ctest cannot run: ${bad_names}")
    endif()
  endforeach()
  add_executable(${name} ${T_SOURCES})
  # The code under test is built optimised in its own libraries; the tests' own code is
  # not, and shares one precompiled header per program: test sources are a third of the
  # build, and in CI it is built twice (plain and ASan), so this keeps CI in its budget.
  target_compile_options(${name} PRIVATE -O0)
  target_precompile_headers(${name} PRIVATE
    <doctest/doctest.h> <fmt/format.h> <nlohmann/json.hpp> <imgui.h>
    <algorithm> <filesystem> <fstream> <functional> <map> <memory> <set> <string> <vector>)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  target_link_libraries(${name} PRIVATE kartla_test_support ${T_LIBS})
  kartla_unity_build(${name})
  add_dependencies(${name} kartla kartla_assets)
  set(labels)
  if(T_LABELS)
    set(labels LABELS "${T_LABELS}")
  endif()
  doctest_discover_tests(${name} PROPERTIES ENVIRONMENT "KARTLA_ASSET_DIR=${KARTLA_OUT}/${CMAKE_INSTALL_DATADIR}/kartla" ${labels})
endfunction()
