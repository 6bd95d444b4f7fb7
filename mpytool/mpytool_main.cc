// Entry point of mpytool: parses the command line (CLI11) and calls the library; no logic of its own.
#include <iostream>

#include <CLI/CLI.hpp>

#include "mpytool/commands.h"
#include "mpytools_config.h"

int main(int argc, char** argv) {
    using namespace mpy::tool;
    CLI::App app{"mpytool: inspect, verify, compare, merge and freeze MicroPython .mpy files (format 6.3)"};
    app.set_version_flag("--version", std::string("mpytool ") + MPYTOOLS_VERSION);
    app.require_subcommand(1);

    std::vector<std::string> info_files;
    auto* info = app.add_subcommand("info", "header, tables, functions and compatibility of .mpy files");
    info->add_option("files", info_files, ".mpy files")->required()->check(CLI::ExistingFile);

    std::string dis_file;
    std::optional<std::string> dis_source;
    auto* dis = app.add_subcommand("dis", "disassemble a .mpy file");
    dis->add_option("file", dis_file, ".mpy file")->required()->check(CLI::ExistingFile);
    dis->add_option("--source", dis_source, "the .py source, to show its lines")->check(CLI::ExistingFile);
    bool dis_raw = false;
    dis->add_flag("--raw", dis_raw, "native machine code as hex instead of disassembled");

    std::vector<std::string> verify_files;
    bool verify_quiet = false;
    auto* verify = app.add_subcommand("verify", "check structure, bounds and bytecode validity");
    verify->add_option("files", verify_files, ".mpy files")->required();
    verify->add_flag("-q,--quiet", verify_quiet, "print only problems");

    std::string diff_a, diff_b;
    auto* diff = app.add_subcommand("diff", "compare two .mpy files function by function");
    diff->add_option("a", diff_a, "first .mpy file")->required()->check(CLI::ExistingFile);
    diff->add_option("b", diff_b, "second .mpy file")->required()->check(CLI::ExistingFile);

    MergeArgs merge_args;
    auto* merge = app.add_subcommand("merge", "merge .mpy files into one that runs them in order");
    merge->add_option("files", merge_args.inputs, ".mpy files")->required()->check(CLI::ExistingFile);
    merge->add_option("-o,--output", merge_args.output, "output .mpy file")->required();
    merge->add_option("--march-flags", merge_args.arch_flags, "architecture flags for the merged header");
    merge->add_flag("--drop-line-info", merge_args.drop_line_info,
                    "drop the line tables of rewritten inputs, as mpy-tool.py --merge does (byte-identical output)");

    FreezeArgs freeze_args;
    auto* freeze = app.add_subcommand("freeze", "write C source for MicroPython 1.27's frozen-module build");
    freeze->add_option("files", freeze_args.inputs, ".mpy files")->required()->check(CLI::ExistingFile);
    freeze->add_option("-o,--output", freeze_args.output, "output .c file ('-' for stdout)")->required();
    freeze->add_option("-q,--qstr-header", freeze_args.qstr_header, "qstr header of the firmware to freeze against")
        ->check(CLI::ExistingFile);
    freeze->add_option("--longint-impl", freeze_args.longint_impl, "long-int implementation of the target")
        ->check(CLI::IsMember({"none", "longlong", "mpz"}));
    freeze->add_option("--mpz-dig-size", freeze_args.mpz_dig_size, "mpz digit size of the target")
        ->check(CLI::IsMember({8, 16, 32}));
    freeze->add_flag("--with-frozen-str", freeze_args.with_frozen_str,
                     "also write the empty frozen-str section a port build needs (a complete frozen_content.c)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    if (*info) return cmd_info(info_files, std::cout, std::cerr);
    if (*dis) return cmd_dis(dis_file, dis_source, dis_raw, std::cout, std::cerr);
    if (*verify) return cmd_verify(verify_files, verify_quiet, std::cout, std::cerr);
    if (*diff) return cmd_diff(diff_a, diff_b, std::cout, std::cerr);
    if (*merge) return cmd_merge(merge_args, std::cerr);
    if (*freeze) return cmd_freeze(freeze_args, std::cout, std::cerr);
    return kExitUsage;
}
