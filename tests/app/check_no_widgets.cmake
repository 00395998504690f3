# Fails when the program BINARY needs libQt6Widgets: gridctl is the headless tool (a server
# without a display, CI), so its libraries must stay widget-free. Reads the dynamic loader's
# own view (ldd), which is what a user's machine will load, not what CMake meant to link.
execute_process(COMMAND ldd ${BINARY} OUTPUT_VARIABLE libraries RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ldd ${BINARY} failed (${status})")
endif()
if(NOT libraries MATCHES "libQt6Core")
  message(FATAL_ERROR "ldd ${BINARY} lists no Qt at all; the check would prove nothing:\n${libraries}")
endif()
if(libraries MATCHES "libQt6Widgets")
  message(FATAL_ERROR "${BINARY} links Qt Widgets:\n${libraries}")
endif()
message(STATUS "${BINARY} needs no Qt Widgets")
