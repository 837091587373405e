# Where a kartla program or library finds kartla's own shared libraries: one rule,
# applied to every target of the tree at the end of the configuration.
#
# The build tree mirrors the install tree (stage/), so a target runs in the build
# tree with the same RUNPATH it is installed with: "$ORIGIN/" plus the way from
# its own folder to lib/, and nothing else. CMake's default build RPATH would add
# the absolute build folder and, padded for the later rewrite at install time, an
# empty entry that the loader reads as the current directory: a libglfw.so.3 in
# the folder kartla was started from would run. System libraries come from the
# loader's default paths, which need no entry.
function(kartla_apply_rpath_rule)
  set(lib_dir ${KARTLA_OUT}/${CMAKE_INSTALL_LIBDIR})
  set(folders ${CMAKE_SOURCE_DIR})
  while(folders)
    list(POP_FRONT folders folder)
    get_property(subfolders DIRECTORY ${folder} PROPERTY SUBDIRECTORIES)
    list(APPEND folders ${subfolders})
    get_property(targets DIRECTORY ${folder} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      if(type STREQUAL "EXECUTABLE")
        get_target_property(out ${target} RUNTIME_OUTPUT_DIRECTORY)
      elseif(type STREQUAL "SHARED_LIBRARY" OR type STREQUAL "MODULE_LIBRARY")
        get_target_property(out ${target} LIBRARY_OUTPUT_DIRECTORY)
      else()
        continue()
      endif()
      if(NOT out)  # no output folder of its own: it lands in its binary folder
        get_property(out DIRECTORY ${folder} PROPERTY BINARY_DIR)
      endif()
      file(RELATIVE_PATH way ${out} ${lib_dir})
      set(rpath "")
      if(way)
        set(rpath "$ORIGIN/${way}")
      endif()
      set_target_properties(${target} PROPERTIES
        BUILD_WITH_INSTALL_RPATH ON
        INSTALL_RPATH "${rpath}"
        INSTALL_RPATH_USE_LINK_PATH OFF)
    endforeach()
  endwhile()
endfunction()
