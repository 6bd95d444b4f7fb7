// The device-side agents mpr sends to boards, embedded at build time from the .py files in
// this folder (see embed_text.cmake): the source tree keeps them as real, readable Python.
#pragma once

#include <string_view>

namespace mpy::agent {

// mount_agent.py: serves /remote from the host folder given to `mpr mount`.
std::string_view mount_agent_source();

}  // namespace mpy::agent
