// User aliases of the mpremote command language ("double x=4" -> "eval x*2"): what the
// configuration files define and the command line (remote/cli/command_line.h) expands.  Apart
// from the command line so that reading a configuration file needs none of mpr's commands.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mpy {

// One alias: "name" with parameters (each "param" or "param=default") and its expansion.
struct Alias {
    std::vector<std::pair<std::string, std::string>> params;  // name, default ("" + !has_default)
    std::vector<bool> has_default;
    std::vector<std::string> expansion;
    std::string help;
};
using AliasTable = std::map<std::string, Alias>;

// Adds a user alias from its key ("double x=4") and expansion (already split into words).
void add_alias(AliasTable& table, const std::string& key, std::vector<std::string> expansion,
               std::string help = "");

// Splits a command string the way mpremote splits alias strings (on whitespace).
std::vector<std::string> split_words(const std::string& s);

}  // namespace mpy
