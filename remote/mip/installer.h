// Puts an install plan on the board, all or nothing: every file is fetched and verified on the
// host first; files whose sha256 already matches on the board are skipped; the others go to the
// board under temporary names, and only when all of them (and the manifest) arrived are they
// renamed into place.  A failure on the way removes the temporary files, so the board's previous
// files stay as they were.  Also `mip list` and `mip uninstall`, from the manifest.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "remote/mip/fetcher.h"
#include "remote/mip/manifest.h"
#include "remote/mip/mip_board.h"
#include "remote/mip/resolver.h"

namespace mpy::mip {

struct InstallHooks {
    std::function<void(const std::string&)> say;  // one line of output (mpremote's wording)
    std::function<void(const std::string&)> notice;  // a remark for the user (standard error)
    // Bytes sent to the board so far out of the total of this install (for a progress bar).
    std::function<void(std::size_t done, std::size_t total)> progress;
};

class Installer {
public:
    Installer(MipBoard& board, Fetcher& fetcher, BoardFacts facts, InstallHooks hooks)
        : board_(board), fetcher_(fetcher), facts_(std::move(facts)), hooks_(std::move(hooks)) {}

    // Installs `packages` (from Resolver), compiling eligible .py files first when `compile`.
    void install(std::vector<PlannedPackage>& packages, bool compile);
    // Prints what install would put where, touching nothing.
    void dry_run(const std::vector<PlannedPackage>& packages) const;
    // One line per package of the manifest: "NAME VERSION (SOURCE): N files".
    std::vector<std::string> list() const;
    // Removes the files of the package `name` that no other package of the manifest lists.
    void uninstall(const std::string& name);

private:
    void refuse_folders_on_flat_board(const std::vector<PlannedPackage>& packages);
    void write_all(const std::vector<std::pair<std::string, const std::string*>>& files);
    MipBoard& board_;
    Fetcher& fetcher_;
    BoardFacts facts_;
    InstallHooks hooks_;
};

}  // namespace mpy::mip
