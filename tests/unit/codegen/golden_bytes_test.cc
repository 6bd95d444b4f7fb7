// Byte-level expectations for small programs: compile_to_mpy must reproduce mpy-cross exactly.
// The expected bytes are from mpy-cross 1.27.0 (source name "t.py"), one case per compilation
// feature: closures, super(), for-range loops, unwinding, with/except-as, comprehensions, default
// and keyword-only arguments, star calls, boolean jumps, tuple swaps, async, global/nonlocal,
// imports, and the -O / -msmall-int-bits options.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/emitter/emitter_test_util.h"
#include "common/diagnostics.h"
#include "compiler/compiler.h"

namespace mpy {
namespace {

struct GoldenCase {
    const char* name;
    const char* source;
    const char* flags;  // mpy-cross flags used: "", "-O1", "-O3", "-msmall-int-bits=16"
    const char* expected_hex;
};

const GoldenCase kCases[] = {
    {"ModuleAssignAndCall", "x = 1\nprint(x)\n", "",
     "4d06001f040008742e7079000f0278008177810008040123811602110311023401595163"},
    {"ClosureCellsAndFreeVars", "def f(a):\n    b = 2\n    def g():\n        return a + b\n    return g\n", "",
     "4d06001f060008742e7079000f0266000267000261000b4c00020132001602516301812c218a0102042023460002822702b0b2200002c1b16301601a080305056025002501f263"},
    {"ClassWithSuperMethodCall", "class A(B):\n    def m(self, x):\n        return super().m(x)\n", "",
     "4d06001f0c0008742e7079000f024100026d000242002f2d350b8213027800823581041802015432001002110434031602516301812c08050228001105160610021607b02000011603b0630181102b0a0308090a40120b2500b11503b2360163"},
    {"ForRangeOptimisedLoop", "for i in range(10):\n    print(i)\nfor j in range(1, n, -2):\n    pass\n", "",
     "4d06001f060008742e7079000f0269008177026e00026a008270180801262f2880424c5716021103110234015981e5578ad7432f5911048142455716057ee5585ad8433659595163"},
    {"TryFinallyBreakUnwinds", "for x in y:\n    try:\n        break\n    finally:\n        f()\n", "",
     "4d06001f050008742e7079000f027900027800026600816034080127224311025f4b0f1603490340498111043400595d422f5163"},
    {"WithAndExceptAs", "with open(p) as fh:\n    try:\n        fh.read()\n    except OSError as e:\n        print(e)\n", "",
     "4d06001f090008742e7079000f817b816d027000046668006102650081778360bc0208012a2253110311043401472916054809110514023600594a1b571106df445416074908110811073401595151160719075d4a015d515c5d5163"},
    {"ComprehensionsAndGenerator", "a = [x * 2 for x in y if x]\nb = {k: v for k, v in d}\nc = sum(x for x in y)\n", "",
     "4d06001f0c0008742e7079000f143c6c697374636f6d703e00143c64696374636f6d703e00123c67656e657870723e0002790002610002640002620082330263000b82241006012828320011053401160632011107340116081109320211055e34013401160a51630381304104020b2b00b05f4b0bc1b1443ab182f42f1442336381304906030b202c00b05f4b0a3002c1c2b2b12f194234638120b14006040b4053b053534b06c1b1675942385163"},
    {"DefaultsKwOnlyAndStarCall", "def f(a, b=1, *args, c, d=2, **kw):\n    return f(*args, c=c, **kw)\n", "",
     "4d06001f070008742e7079000f0264000266000263000261000262008114180201812a012c0082100262330016035163018148e281c8c0400c0305060204201203b41004b353b58135840163"},
    {"ChainedCompareAndBoolOps", "r = a < b < c\ns = a and b or not c\nif a or b:\n    pass\n", "",
     "4d06001f070008742e7079000f0261000262000263000272000273008278100801322d2811021103575bd746051104d742425a59160511024602110345031104d3160611024344110344405163"},
    {"TupleSwapAndUnpackEx", "a, b = b, a\nx, *y, z = w\n", "",
     "4d06001f080008742e7079000f026200026100027700027800027900027a00815010040129110211035a1603160211043182011605160616075163"},
    {"AsyncForAndWith", "async def f():\n    async for x in y:\n        await x\n    async with a as b:\n        pass\n", "",
     "4d06001f0c0008742e7079000f026600125f5f61697465725f5f00125f5f616e6578745f5f002453746f704173796e63497465726174696f6e00145f5f61656e7465725f5f0043125f5f61657869745f5f00150279000261004c000201320016025163018658c4400a02203d282d120a14033600480b57140436005e5168c04a0a571205df4443594a085db05e516859422259120b57140636005e5168c14904515a425f571207df4457575b5a14085b5b5713095a5136035e516844515951424d5b5b140851575736035e5168595d5163"},
    {"GlobalNonlocalLambda", "def f():\n    global g\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    g = lambda q=n: q\n", "",
     "4d06001f080008742e7079000f02660006696e6300103c6c616d6264613e000267000b0271004c00020132001602516301815c180b022020236501802701b1200001c025012a01533301170551630278110a0306602020250081e5270051634889010804076060b063"},
    {"ImportsRelativeAndStar", "import a.b.c as d\nfrom ..x import y as z, w\nfrom m import *\n", "",
     "4d06001f0c0008742e7079000f0a612e622e63000262000263000279000277000278000b026d00026400027a0082581006012a3280511b0213031304160a82100510062a021b071c05160b1c061606598010082a011b09695163"},
    {"AssertRemovedAtO1", "assert x, 'msg'\n", "-O1",
     "4d06001f020008742e7079000f280002015163"},
    {"NoLineTableAtO3", "x = 1\ny = 2\n", "-O3",
     "4d06001f040008742e7079000f027800027900580002018116028216035163"},
    {"SmallIntBits16", "x = 40000\ny = 100\n", "-msmall-int-bits=16",
     "4d060010040108742e7079000f0278000279000705343030303078000401242300160222806416035163"},
};

using emitter_test::to_hex;

CompileOptions options_for(const std::string& flags) {
    CompileOptions o;
    o.source_name = "t.py";
    if (flags == "-O1") o.opt_level = 1;
    if (flags == "-O3") o.opt_level = 3;
    if (flags == "-msmall-int-bits=16") o.small_int_bits = 16;
    return o;
}

class CodegenGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(CodegenGolden, MatchesMpyCross) {
    const GoldenCase& c = GetParam();
    std::string out = compile_to_mpy(c.source, options_for(c.flags));
    EXPECT_EQ(to_hex(out), c.expected_hex) << "source:\n" << c.source;
}

INSTANTIATE_TEST_SUITE_P(Programs, CodegenGolden, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) { return info.param.name; });

}  // namespace
}  // namespace mpy
