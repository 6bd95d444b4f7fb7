#include <gtest/gtest.h>

#include "remote/agent/agent_sources.h"
#include "remote/mount/agent_code.h"

namespace mpy::mount {
namespace {

TEST(MountAgentCode, SqueezeKeepsTheBlockStructure) {
    EXPECT_EQ(squeeze_python("# c\nclass A:\n    # doc\n    def f(s):\n\n        return 1\n\n    x = 2\ny = 3\n"),
              "class A:\n def f(s):\n  return 1\n x = 2\ny = 3\n");
}

TEST(MountAgentCode, AgentGoesInSmallPieces) {
    std::vector<std::string> pieces = agent_pieces(agent::mount_agent_source());
    ASSERT_GE(pieces.size(), 3u);
    std::size_t total = 0;
    for (const std::string& p : pieces) {
        EXPECT_LT(p.size(), 1024u) << "each piece is compiled on its own by a small board:\n" << p;
        EXPECT_EQ(p.find('#'), std::string::npos) << "comments are not sent";
        total += p.size();
    }
    EXPECT_LT(total * 3, agent::mount_agent_source().size() * 2) << "squeezing pays";
    EXPECT_NE(pieces.back().find("def _mount("), std::string::npos);
}

}  // namespace
}  // namespace mpy::mount
