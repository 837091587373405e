# kartla_add_plugin(<name> SOURCES ...): one plugin = one MODULE library that the
# host dlopens at run time. Hidden visibility and -z defs so that a plugin exports
# exactly its entry point and cannot hide an unresolved symbol until load time.
function(kartla_add_plugin name)
  cmake_parse_arguments(P "" "OUTPUT_DIR" "SOURCES;LIBS" ${ARGN})
  if(NOT P_OUTPUT_DIR)
    set(P_OUTPUT_DIR ${KARTLA_PLUGIN_OUT})
  endif()
  add_library(${name} MODULE ${P_SOURCES})
  target_link_libraries(${name} PRIVATE kartla_core ${P_LIBS})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    SUFFIX ".kplug"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIR})  # RUNPATH: cmake/KartlaRpath.cmake
  target_link_options(${name} PRIVATE ${KARTLA_NO_UNDEFINED})
  if(P_OUTPUT_DIR STREQUAL KARTLA_PLUGIN_OUT)  # test fixtures are never installed
    install(TARGETS ${name} LIBRARY DESTINATION ${KARTLA_PLUGIN_INSTALL_DIR})
    # For whatever must run with every real plugin built (the exporters fuzz body).
    set_property(GLOBAL APPEND PROPERTY KARTLA_PLUGIN_TARGETS ${name})
  endif()
endfunction()

# The data logic of a plugin lives in a static library of its own, so tests and
# benchmarks use it without a window.
function(kartla_add_plugin_model name)
  add_library(${name} STATIC ${ARGN})
  target_link_libraries(${name} PUBLIC kartla_core)
  set_target_properties(${name} PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
endfunction()
