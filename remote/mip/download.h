// `mip download`: fetches packages (with their dependencies, every file verified) into a host
// folder laid out as an index v2, so that `mip install --index DIR NAME` installs them later
// without a network:
//
//   DIR/package/{mpy version|py}/{name}/{version}.json and latest.json   ("hashes" and "deps")
//   DIR/file/{h[:2]}/{h}                                                  (h: 8 hex digits of sha256)
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "remote/mip/fetcher.h"
#include "remote/mip/resolver.h"

namespace mpy::mip {

// Writes `packages` (fetching what is not fetched yet) under `dir` for `mpy_version`.
void write_local_index(Fetcher& fetcher, std::vector<PlannedPackage>& packages, const std::filesystem::path& dir,
                       const std::string& mpy_version);

}  // namespace mpy::mip
