// mip install|list|uninstall|download: the command line of remote/mip/ (packages from an index,
// repositories, URLs and host folders; verified, atomic, optionally compiled for the board).
#include <cstdio>
#include <cstdlib>
#include <set>

#include "common/diagnostics.h"
#include "remote/cli/commands.h"
#include "remote/cli/progress.h"
#include "remote/config/user_config.h"
#include "remote/mip/compile_step.h"
#include "remote/mip/download.h"
#include "remote/mip/installer.h"
#include "remote/mip/resolver.h"

namespace mpy {
namespace {

constexpr const char* kDefaultIndex = "https://micropython.org/pi/v2";

void say(const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

void notice(const std::string& line) {
    std::fflush(stdout);
    std::fprintf(stderr, "mpr: %s\n", line.c_str());
}

std::string index_of(const ParsedCommand& c) {
    std::string index = c.value("index", kDefaultIndex);
    while (index.size() > 1 && index.back() == '/') index.pop_back();
    return index;
}

mip::FetchOptions fetch_options(const ParsedCommand& c) {
    mip::FetchOptions o;
    o.ca_file = c.value("cacert");
    if (o.ca_file.empty())
        if (const char* env = std::getenv("MPR_MIP_CACERT")) o.ca_file = env;
    return o;
}

std::vector<std::string> packages_of(const ParsedCommand& c, const char* sub) {
    std::vector<std::string> out(c.args.begin() + 1, c.args.end());
    if (out.empty()) raise_error(std::string("mip ") + sub + ": name at least one package");
    return out;
}

int mip_install(Session& s, const ParsedCommand& c) {
    std::vector<std::string> packages = packages_of(c, "install");
    bool compile = c.options.count("compile") && !c.value("compile").empty() ? c.flag("compile")
                                                                             : load_configuration().mip_compile;
    mip::MipBoard board(s.raw(), s.fs());
    mip::BoardFacts facts = board.probe(c.value("target"));
    if (!c.flag("mpy", true)) facts.mpy_version = "py";
    mip::Fetcher fetcher(fetch_options(c));
    mip::Resolver resolver(fetcher, {index_of(c), facts.mpy_version, mip::HostBases::from_environment()},
                           facts.target.empty() ? "/" : facts.target, say);
    for (const std::string& p : packages) {
        say("Install " + mip::parse_package_spec(p).display);
        resolver.add(p);
    }
    ProgressBar bar("mip install", stderr_is_terminal());
    mip::Installer installer(board, fetcher, facts,
                             {say, notice, [&](std::size_t d, std::size_t t) { bar.update(d, t); }});
    if (c.flag("dry-run")) {
        installer.dry_run(resolver.packages());
        return 0;
    }
    installer.install(resolver.packages(), compile);
    bar.finish();
    say("Done");
    return 0;
}

int mip_download(const ParsedCommand& c) {
    std::vector<std::string> packages = packages_of(c, "download");
    std::string out = c.value("output");
    if (out.empty()) raise_error("mip download: name the folder to download into with -o DIR");
    std::string mpy = c.flag("mpy", true) ? c.value("mpy-version", mip::compiler_mpy_version()) : "py";
    mip::Fetcher fetcher(fetch_options(c));
    mip::Resolver resolver(fetcher, {index_of(c), mpy, mip::HostBases::from_environment()}, out, say);
    for (const std::string& p : packages) resolver.add(p);
    mip::write_local_index(fetcher, resolver.packages(), out, mpy);
    std::string names;
    for (const mip::PlannedPackage& p : resolver.packages()) names += " " + p.name;
    say("Downloaded" + names + " to " + out + " (install with: mip install --index " + out + " NAME)");
    return 0;
}

}  // namespace

int cmd_mip(Session& s, const ParsedCommand& c) {
    s.did_action();
    const std::string& sub = c.args[0];
    if (sub == "install") return mip_install(s, c);
    if (sub == "download") return mip_download(c);
    if (sub == "list" || sub == "uninstall") {
        mip::MipBoard board(s.raw(), s.fs());
        mip::BoardFacts facts = board.probe(c.value("target"));
        mip::Fetcher fetcher;
        mip::Installer installer(board, fetcher, facts, {say, notice, {}});
        if (sub == "list") {
            // `mip list` alone arrives as `mip list *` (command_table.cc): every package.
            std::set<std::string> names(c.args.begin() + 1, c.args.end());
            for (const std::string& line : installer.list())
                if (names.count("*") || names.count(line.substr(0, line.find(' ')))) say(line);
            return 0;
        }
        for (const std::string& name : packages_of(c, "uninstall")) installer.uninstall(name);
        say("Done");
        return 0;
    }
    raise_error("mip: '" + sub + "' is not a command (install, list, uninstall, download)");
}

}  // namespace mpy
