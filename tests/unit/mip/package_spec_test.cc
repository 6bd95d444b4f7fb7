// mip's package arguments: every form mpremote accepts, and the URLs the repository forms mean.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/mip/package_spec.h"

namespace mpy::mip {
namespace {

TEST(MipPackageSpec, IndexNameWithAndWithoutVersion) {
    PackageSpec s = parse_package_spec("umqtt.simple");
    EXPECT_EQ(s.kind, SpecKind::IndexName);
    EXPECT_EQ(s.location, "umqtt.simple");
    EXPECT_EQ(s.version, "");
    s = parse_package_spec("logging@0.6.1");
    EXPECT_EQ(s.kind, SpecKind::IndexName);
    EXPECT_EQ(s.location, "logging");
    EXPECT_EQ(s.version, "0.6.1");
    EXPECT_EQ(s.display, "logging");
}

TEST(MipPackageSpec, RepositoryForms) {
    PackageSpec s = parse_package_spec("github:org/repo@v1");
    EXPECT_EQ(s.kind, SpecKind::PackageJson);
    EXPECT_EQ(s.location, "github:org/repo/package.json");
    EXPECT_EQ(s.version, "v1");
    s = parse_package_spec("gitlab:org/repo/sub/dir/");
    EXPECT_EQ(s.location, "gitlab:org/repo/sub/dir/package.json");
    s = parse_package_spec("codeberg:org/repo/mod.py@main");
    EXPECT_EQ(s.kind, SpecKind::RemoteFile);
    EXPECT_EQ(s.version, "main");
    s = parse_package_spec("github:org/repo/pkg/extra.json");
    EXPECT_EQ(s.kind, SpecKind::PackageJson);
    EXPECT_EQ(s.location, "github:org/repo/pkg/extra.json");
    EXPECT_THROW(parse_package_spec("github:org"), DiagnosticError);
    EXPECT_THROW(parse_package_spec("name@"), DiagnosticError);
}

TEST(MipPackageSpec, UrlForms) {
    EXPECT_EQ(parse_package_spec("https://host/x/mod.mpy").kind, SpecKind::RemoteFile);
    EXPECT_EQ(parse_package_spec("http://host/x/mod.py").kind, SpecKind::RemoteFile);
    PackageSpec s = parse_package_spec("http://host:8080/pkgs/thing");
    EXPECT_EQ(s.kind, SpecKind::PackageJson);
    EXPECT_EQ(s.location, "http://host:8080/pkgs/thing/package.json");
    // An '@' in the user part of a URL is not a version.
    s = parse_package_spec("http://user@host/p/package.json");
    EXPECT_EQ(s.version, "");
    EXPECT_EQ(s.location, "http://user@host/p/package.json");
}

TEST(MipPackageSpec, LocalJsonAndFolder) {
    PackageSpec s = parse_package_spec("some/dir/package.json");
    EXPECT_EQ(s.kind, SpecKind::PackageJson);
    EXPECT_EQ(s.location, "some/dir/package.json");
    auto dir = std::filesystem::temp_directory_path() / ("mip-spec-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    s = parse_package_spec(dir.string());
    EXPECT_EQ(s.kind, SpecKind::PackageJson);
    EXPECT_EQ(s.location, dir.string() + "/package.json");
    std::filesystem::remove_all(dir);
}

TEST(MipPackageSpec, RewriteRepositoryUrls) {
    HostBases b;
    EXPECT_EQ(rewrite_url("github:org/repo/a/b.py", "", b), "https://raw.githubusercontent.com/org/repo/HEAD/a/b.py");
    EXPECT_EQ(rewrite_url("github:org/repo/package.json", "v2", b),
              "https://raw.githubusercontent.com/org/repo/v2/package.json");
    EXPECT_EQ(rewrite_url("gitlab:org/repo/x.py", "main", b), "https://gitlab.com/org/repo/-/raw/main/x.py");
    EXPECT_EQ(rewrite_url("codeberg:org/repo/x.py", "", b), "https://codeberg.org/org/repo/raw/branch/HEAD/x.py");
    b.github = "http://127.0.0.1:1234/gh";
    EXPECT_EQ(rewrite_url("github:o/r/p.json", "", b), "http://127.0.0.1:1234/gh/o/r/HEAD/p.json");
    EXPECT_EQ(rewrite_url("http://h/x.py", "v1", b), "http://h/x.py");
}

TEST(MipPackageSpec, NamesAndRelativeLocations) {
    EXPECT_EQ(name_from_location("github:org/repo/pkg/package.json"), "pkg");
    EXPECT_EQ(name_from_location("github:org/repo/package.json"), "repo");
    EXPECT_EQ(name_from_location("https://host/x/mod.py"), "mod");
    EXPECT_EQ(name_from_location("/tmp/example/package.json"), "example");
    EXPECT_EQ(location_dir("github:o/r/a/package.json"), "github:o/r/a");
    EXPECT_EQ(join_location("github:o/r/a", "b/c.py"), "github:o/r/a/b/c.py");
    EXPECT_EQ(join_location("", "c.py"), "c.py");
}

}  // namespace
}  // namespace mpy::mip
