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
  kartla_unity_build(${name})
endfunction()

# kartla_plugin(<id> [MODEL_LIBS ...] [VIEWS_LIBS ...]): a whole plugin from its
# folder, laid out alike for every plugin (docs/plugins.md):
#   model/**/*.cpp  <id>_model, the data logic without a window (tests and benchmarks use it)
#   views/*.cpp     <id>_views, the ImGui views (tests drive them headless)
#   plugin.cpp      <id>.kplug, registration only
#   i18n/<lang>.po  its translations, staged and installed as share/kartla/i18n/<lang>/<id>.po
#   sample.json     its part of the sample workshop, as share/kartla/samples/<id>.json
#   bench/*.cpp     <id>_bench_<name>: programs that print figures (built with the tests)
#   tests/          its tests (a CMakeLists.txt of kartla_add_test declarations)
# MODEL_LIBS and VIEWS_LIBS are what each library needs beyond kartla_core and fmt.
function(kartla_plugin id)
  cmake_parse_arguments(P "" "" "MODEL_LIBS;VIEWS_LIBS" ${ARGN})
  set(dir ${CMAKE_CURRENT_SOURCE_DIR})

  file(GLOB_RECURSE model_sources CONFIGURE_DEPENDS ${dir}/model/*.cpp)
  kartla_add_plugin_model(${id}_model ${model_sources})
  target_include_directories(${id}_model PUBLIC ${dir})
  target_link_libraries(${id}_model PUBLIC fmt::fmt PRIVATE ${P_MODEL_LIBS})

  set(plugin_libs ${id}_model)
  file(GLOB view_sources CONFIGURE_DEPENDS ${dir}/views/*.cpp)
  if(view_sources)
    add_library(${id}_views STATIC ${view_sources})
    target_link_libraries(${id}_views PUBLIC ${id}_model PRIVATE ${P_VIEWS_LIBS})
    set_target_properties(${id}_views PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
    kartla_unity_build(${id}_views)
    set(plugin_libs ${id}_views)
  endif()
  kartla_add_plugin(${id} SOURCES ${dir}/plugin.cpp LIBS ${plugin_libs})

  _kartla_plugin_resources(${id} ${dir})
  if(KARTLA_TESTS)
    if(KARTLA_BENCHMARKS)
      _kartla_plugin_benchmarks(${id} ${dir} ${plugin_libs})
    endif()
    if(EXISTS ${dir}/tests/CMakeLists.txt)
      add_subdirectory(${dir}/tests ${CMAKE_CURRENT_BINARY_DIR}/tests)
    endif()
  endif()
endfunction()

# A plugin carries its own translations and sample part; they are staged where the
# host looks for them (next to the core's own) and installed there.
function(_kartla_plugin_resources id dir)
  set(data ${CMAKE_INSTALL_DATADIR}/kartla)
  set(staged)
  file(GLOB catalogues CONFIGURE_DEPENDS ${dir}/i18n/*.po)
  foreach(po IN LISTS catalogues)
    get_filename_component(language ${po} NAME_WE)
    list(APPEND staged "${po}|i18n/${language}/${id}.po")
  endforeach()
  if(EXISTS ${dir}/sample.json)
    list(APPEND staged "${dir}/sample.json|samples/${id}.json")
  endif()
  set(outputs)
  foreach(entry IN LISTS staged)
    string(REPLACE "|" ";" pair "${entry}")
    list(GET pair 0 source)
    list(GET pair 1 target)
    add_custom_command(OUTPUT ${KARTLA_OUT}/${data}/${target}
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${source} ${KARTLA_OUT}/${data}/${target}
      DEPENDS ${source})
    list(APPEND outputs ${KARTLA_OUT}/${data}/${target})
    get_filename_component(target_dir ${target} DIRECTORY)
    get_filename_component(target_name ${target} NAME)
    install(FILES ${source} DESTINATION ${data}/${target_dir} RENAME ${target_name})
  endforeach()
  add_custom_target(${id}_resources ALL DEPENDS ${outputs})
  add_dependencies(${id} ${id}_resources)
  # kartla_assets waits for them too, so a test that reads every catalogue finds them.
  set_property(GLOBAL APPEND PROPERTY KARTLA_PLUGIN_RESOURCES ${id}_resources)
endfunction()

# Each bench/<name>.cpp is a program <id>_bench_<name> that prints figures. It
# finds the built plugin as KARTLA_PLUGIN_FILE.
function(_kartla_plugin_benchmarks id dir libs)
  file(GLOB benchmarks CONFIGURE_DEPENDS ${dir}/bench/*.cpp)
  foreach(source IN LISTS benchmarks)
    get_filename_component(name ${source} NAME_WE)
    add_executable(${id}_bench_${name} ${source})
    target_link_libraries(${id}_bench_${name} PRIVATE ${libs} kartla_core_internal kartla_test_support)
    target_compile_definitions(${id}_bench_${name} PRIVATE KARTLA_PLUGIN_FILE="$<TARGET_FILE:${id}>")
    add_dependencies(${id}_bench_${name} ${id})
  endforeach()
endfunction()
