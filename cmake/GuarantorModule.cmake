# guarantor_module(NAME [DEPENDS target...]): a static library from src/NAME/*.cpp with the public
# headers in include/guarantor/NAME/. Modules register themselves so that guarantor::engine
# links them all.
function(guarantor_module name)
  cmake_parse_arguments(ARG "" "" "DEPENDS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(guarantor_${name} STATIC ${sources})
  target_include_directories(guarantor_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                               PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(guarantor_${name} PRIVATE -Wall -Wextra -Wpedantic)
  target_link_libraries(guarantor_${name} PUBLIC ${ARG_DEPENDS})
  set_property(GLOBAL APPEND PROPERTY GUARANTOR_MODULES guarantor_${name})
endfunction()

# guarantor_test(NAME SOURCES... [LIBS target...]): a GoogleTest executable registered with CTest.
function(guarantor_test name)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    GUARANTOR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GUARANTOR_BINARY_DIR="${PROJECT_BINARY_DIR}")
  include(GoogleTest)
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60)
endfunction()
