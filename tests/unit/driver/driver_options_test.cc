// mpyc's command line: mpy-cross 1.27's grammar and error behaviour, then mpyc's extensions.
#include <gtest/gtest.h>

#include "compiler/driver/driver_options.h"

namespace mpy {
namespace {

ParseOutcome parse(std::vector<std::string> args) { return parse_command_line(args); }

TEST(DriverOptionsMpyCross, PlainFileUsesDefaults) {
    ParseOutcome r = parse({"x.py"});
    ASSERT_EQ(r.action, ParseAction::Run);
    EXPECT_EQ(r.options.inputs, std::vector<std::string>{"x.py"});
    EXPECT_EQ(r.options.opt_level, 0);
    EXPECT_EQ(r.options.small_int_bits, 31);
    EXPECT_EQ(r.options.arch, "");
    EXPECT_FALSE(r.options.output);
    EXPECT_TRUE(r.options.is_single_compile());
}

TEST(DriverOptionsMpyCross, OptimisationLevelSpellings) {
    EXPECT_EQ(parse({"-O", "x.py"}).options.opt_level, 1);
    EXPECT_EQ(parse({"-OO", "x.py"}).options.opt_level, 2);
    EXPECT_EQ(parse({"-OOO", "x.py"}).options.opt_level, 3);
    EXPECT_EQ(parse({"-O3", "x.py"}).options.opt_level, 3);
    EXPECT_EQ(parse({"-O12", "x.py"}).options.opt_level, 1);  // only the first digit counts
    EXPECT_EQ(parse({"-Ox", "x.py"}).options.opt_level, 1);
    EXPECT_EQ(parse({"-O3", "-O", "x.py"}).options.opt_level, 1);  // the last one wins
}

TEST(DriverOptionsMpyCross, OutputSourceAndVerbose) {
    ParseOutcome r = parse({"-v", "-v", "-o", "out.mpy", "-s", "a\\b.py", "in\\x.py"});
    ASSERT_EQ(r.action, ParseAction::Run);
    EXPECT_EQ(r.options.verbose, 2);
    EXPECT_EQ(*r.options.output, "out.mpy");
    EXPECT_EQ(*r.options.source_name, "a/b.py");  // backslashes become slashes, as in mpy-cross
    EXPECT_EQ(r.options.inputs, std::vector<std::string>{"in/x.py"});
}

TEST(DriverOptionsMpyCross, MissingValueGivesUsage) {
    EXPECT_EQ(parse({"-o"}).action, ParseAction::Usage);
    EXPECT_EQ(parse({"x.py", "-s"}).action, ParseAction::Usage);
    EXPECT_EQ(parse({"x.py", "-X"}).action, ParseAction::Usage);
}

TEST(DriverOptionsMpyCross, UnknownOptionAndHelpGiveUsage) {
    EXPECT_EQ(parse({"-Z", "x.py"}).action, ParseAction::Usage);
    EXPECT_EQ(parse({"--help"}).action, ParseAction::Usage);
    EXPECT_EQ(parse({"--versionx"}).action, ParseAction::Usage);
}

TEST(DriverOptionsMpyCross, VersionStopsParsingWhereItIs) {
    EXPECT_EQ(parse({"--version", "-Z"}).action, ParseAction::Version);
    EXPECT_EQ(parse({"-Z", "--version"}).action, ParseAction::Usage);
    // The -X pre-pass runs before anything, so a bad -X wins even over --version.
    EXPECT_EQ(parse({"--version", "-X", "emit=foo"}).action, ParseAction::Usage);
}

TEST(DriverOptionsMpyCross, ImplementationOptions) {
    EXPECT_EQ(parse({"-X", "emit=bytecode", "x.py"}).options.emit, "bytecode");
    EXPECT_EQ(parse({"-X", "heapsize=100k", "x.py"}).action, ParseAction::Run);
    EXPECT_EQ(parse({"-X", "emit=foo", "x.py"}).action, ParseAction::Usage);
    EXPECT_EQ(parse({"-X", "bogus", "x.py"}).action, ParseAction::Usage);
    ParseOutcome native = parse({"-X", "emit=native", "x.py"});
    EXPECT_EQ(native.action, ParseAction::Fail);
    EXPECT_EQ(native.message, "arch not specified\n");
    ParseOutcome viper = parse({"-X", "emit=viper", "-march=armv7m", "x.py"});
    ASSERT_EQ(viper.action, ParseAction::Run);
    EXPECT_EQ(viper.options.emit, "viper");
}

TEST(DriverOptionsMpyCross, SmallIntBits) {
    EXPECT_EQ(parse({"-msmall-int-bits=16", "x.py"}).options.small_int_bits, 16);
    EXPECT_EQ(parse({"-msmall-int-bits=0x10", "x.py"}).options.small_int_bits, 16);
    EXPECT_EQ(parse({"-msmall-int-bits=", "x.py"}).options.small_int_bits, 0);  // mpy-cross accepts it
    EXPECT_EQ(parse({"-msmall-int-bits=3x", "x.py"}).action, ParseAction::Usage);
}

TEST(DriverOptionsMpyCross, Architectures) {
    EXPECT_EQ(parse({"-march=armv7emsp", "x.py"}).options.arch, "armv7emsp");
    EXPECT_EQ(parse({"-march=z80", "x.py"}).action, ParseAction::Usage);
#if defined(__x86_64__)
    EXPECT_EQ(parse({"-march=host", "x.py"}).options.arch, "x64");
#endif
}

TEST(DriverOptionsMpyCross, ArchFlags) {
    // Ignored without -march, as mpy-cross does.
    EXPECT_EQ(parse({"-march-flags=zba", "x.py"}).action, ParseAction::Run);
    EXPECT_EQ(parse({"-march-flags=zba", "-march=rv32imc", "x.py"}).options.arch_flags, 1u);
    EXPECT_EQ(parse({"-march-flags=0x1", "-march=rv32imc", "x.py"}).options.arch_flags, 1u);
    EXPECT_EQ(parse({"-march-flags=0", "-march=rv32imc", "x.py"}).options.arch_flags, 0u);
    ParseOutcome wrong_arch = parse({"-march-flags=zba", "-march=x64", "x.py"});
    EXPECT_EQ(wrong_arch.action, ParseAction::Fail);
    EXPECT_EQ(wrong_arch.message, "unrecognised arch flags\n");
    EXPECT_EQ(parse({"-march-flags=0x10", "-march=rv32imc", "x.py"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"-march-flags=012", "-march=rv32imc", "x.py"}).action, ParseAction::Fail);
}

TEST(DriverOptionsMpyCross, Rv32FlagNumberSyntax) {
    constexpr CompatVersion v127 = CompatVersion::V1_27;
    unsigned flags = 0;
    EXPECT_TRUE(parse_rv32_arch_flags("0b1", flags, v127));
    EXPECT_EQ(flags, 1u);
    flags = 0;
    EXPECT_TRUE(parse_rv32_arch_flags(" 1 ", flags, v127));
    EXPECT_EQ(flags, 1u);
    EXPECT_TRUE(parse_rv32_arch_flags("zbafoo", flags, v127));  // 1.27 compares only the first 3 letters
    EXPECT_FALSE(parse_rv32_arch_flags("-1", flags, v127));
    EXPECT_FALSE(parse_rv32_arch_flags("2", flags, v127));  // zcmp is 1.28's
    EXPECT_FALSE(parse_rv32_arch_flags("", flags, v127));
    EXPECT_FALSE(parse_rv32_arch_flags("zb", flags, v127));
    EXPECT_FALSE(parse_rv32_arch_flags("zcmp", flags, v127));
    flags = 0;
    EXPECT_TRUE(parse_rv32_arch_flags("zba,zcmp", flags, v127));  // "zba..." again
    EXPECT_EQ(flags, 1u);
}

TEST(DriverOptionsMpyCross, Rv32FlagsOf128) {
    constexpr CompatVersion v128 = CompatVersion::V1_28;
    unsigned flags = 0;
    EXPECT_TRUE(parse_rv32_arch_flags("3", flags, v128));
    EXPECT_EQ(flags, 3u);
    EXPECT_TRUE(parse_rv32_arch_flags("0b10", flags, v128));
    EXPECT_EQ(flags, 2u);
    EXPECT_FALSE(parse_rv32_arch_flags("4", flags, v128));
    EXPECT_FALSE(parse_rv32_arch_flags("-1", flags, v128));
    EXPECT_TRUE(parse_rv32_arch_flags("zcmp", flags, v128));
    EXPECT_EQ(flags, 2u);
    EXPECT_TRUE(parse_rv32_arch_flags("zcmp,zba", flags, v128));
    EXPECT_EQ(flags, 3u);
    EXPECT_TRUE(parse_rv32_arch_flags("zba,", flags, v128));  // a trailing comma ends the list
    EXPECT_EQ(flags, 1u);
    EXPECT_FALSE(parse_rv32_arch_flags("zbafoo", flags, v128));  // whole names only
    EXPECT_FALSE(parse_rv32_arch_flags(",zba", flags, v128));
    EXPECT_FALSE(parse_rv32_arch_flags("zba,,zcmp", flags, v128));
    EXPECT_FALSE(parse_rv32_arch_flags("", flags, v128));
    EXPECT_FALSE(parse_rv32_arch_flags("zba zcmp", flags, v128));
    // The command line parses the flags once --compat is known, wherever it stands.
    EXPECT_EQ(parse({"-march-flags=zba,zcmp", "-march=rv32imc", "x.py"}).options.arch_flags, 3u);
    EXPECT_EQ(parse({"-march-flags=zba,zcmp", "-march=rv32imc", "x.py", "--compat=1.27"}).options.arch_flags, 1u);
    EXPECT_EQ(parse({"-march-flags=zcmp", "-march=rv32imc", "--compat=1.27", "x.py"}).action, ParseAction::Fail);
}

TEST(DriverOptionsMpyCross, NoInputAndStdin) {
    ParseOutcome none = parse({"-v"});
    EXPECT_EQ(none.action, ParseAction::Fail);
    EXPECT_EQ(none.message, "no input file\n");
    EXPECT_EQ(parse({"-"}).options.inputs, std::vector<std::string>{"-"});
    // After "--" everything is a file name.
    ParseOutcome dashes = parse({"--", "-o"});
    ASSERT_EQ(dashes.action, ParseAction::Run);
    EXPECT_EQ(dashes.options.inputs, std::vector<std::string>{"-o"});
    EXPECT_EQ(parse({"--"}).message, "no input file\n");
}

TEST(DriverOptionsExtensions, SeveralFilesTreesAndJobs) {
    ParseOutcome r = parse({"a.py", "b.py", "-r", "src", "--tree=lib", "-j3", "--out-dir", "out", "--force"});
    ASSERT_EQ(r.action, ParseAction::Run) << r.message;
    EXPECT_EQ(r.options.inputs, (std::vector<std::string>{"a.py", "b.py"}));
    EXPECT_EQ(r.options.trees, (std::vector<std::string>{"src", "lib"}));
    EXPECT_EQ(r.options.jobs, 3u);
    EXPECT_EQ(*r.options.out_dir, "out");
    EXPECT_TRUE(r.options.force);
    EXPECT_FALSE(r.options.is_single_compile());
    EXPECT_EQ(parse({"--jobs", "2", "x.py"}).options.jobs, 2u);
    EXPECT_EQ(parse({"--recursive", "d"}).options.trees, std::vector<std::string>{"d"});
}

TEST(DriverOptionsExtensions, BadValuesFailWithAMessage) {
    EXPECT_EQ(parse({"-j0", "x.py"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"-j", "many", "x.py"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"x.py", "--out-dir"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"--diagnostics=loud", "x.py"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"--diagnostics=rich", "x.py"}).options.diagnostics, DiagnosticsStyle::Rich);
    EXPECT_EQ(parse({"--diagnostics", "traceback", "x.py"}).options.diagnostics, DiagnosticsStyle::Traceback);
}

TEST(DriverOptionsExtensions, ConflictingCombinations) {
    EXPECT_EQ(parse({"a.py", "b.py", "-o", "x.mpy"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"a.py", "b.py", "-s", "x.py"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"-", "b.py"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"a.py", "-o", "x.mpy", "--out-dir", "o"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"-", "--json"}).action, ParseAction::Fail);         // stdout carries the .mpy
    EXPECT_EQ(parse({"a.py", "-o", "-", "--depfile", "d"}).action, ParseAction::Fail);
    EXPECT_EQ(parse({"a.py", "--json"}).action, ParseAction::Run);
    EXPECT_EQ(parse({"-r", "src"}).action, ParseAction::Run);  // a tree alone is an input
}

TEST(DriverOptionsText, UsageAndVersion) {
    std::string usage = usage_text("prog");
    EXPECT_EQ(usage.rfind("usage: prog [<opts>] [-X <implopt>] [--] <input filename>\n", 0), 0u);
    EXPECT_NE(usage.find("heapsize=<n> -- set the heap size for the GC (default 2097152)\n"), std::string::npos);
    EXPECT_NE(usage.find("--out-dir"), std::string::npos);
    std::string version = version_text();
    EXPECT_EQ(version.rfind("mpyc v", 0), 0u);
    EXPECT_NE(version.find("; mpyc emitting mpy v6.3\n"), std::string::npos);
}

}  // namespace
}  // namespace mpy
