# Many distinct names (qstrs), constants and functions in one module, so that table and child
# indices need multi-byte encodings (generated once by a small script, committed as source).
total = 0
def fn_000(arg_000=0):
    return arg_000 * 2 + 0.5
def fn_001(arg_001=1):
    return arg_001 * 2 + 1.5
def fn_002(arg_002=2):
    return arg_002 * 2 + 2.5
def fn_003(arg_003=3):
    return arg_003 * 2 + 3.5
def fn_004(arg_004=4):
    return arg_004 * 2 + 4.5
def fn_005(arg_005=5):
    return arg_005 * 2 + 5.5
def fn_006(arg_006=6):
    return arg_006 * 2 + 6.5
def fn_007(arg_007=7):
    return arg_007 * 2 + 7.5
def fn_008(arg_008=8):
    return arg_008 * 2 + 8.5
def fn_009(arg_009=9):
    return arg_009 * 2 + 9.5
def fn_010(arg_010=10):
    return arg_010 * 2 + 10.5
def fn_011(arg_011=11):
    return arg_011 * 2 + 11.5
def fn_012(arg_012=12):
    return arg_012 * 2 + 12.5
def fn_013(arg_013=13):
    return arg_013 * 2 + 13.5
def fn_014(arg_014=14):
    return arg_014 * 2 + 14.5
def fn_015(arg_015=15):
    return arg_015 * 2 + 15.5
def fn_016(arg_016=16):
    return arg_016 * 2 + 16.5
def fn_017(arg_017=17):
    return arg_017 * 2 + 17.5
def fn_018(arg_018=18):
    return arg_018 * 2 + 18.5
def fn_019(arg_019=19):
    return arg_019 * 2 + 19.5
def fn_020(arg_020=20):
    return arg_020 * 2 + 20.5
def fn_021(arg_021=21):
    return arg_021 * 2 + 21.5
def fn_022(arg_022=22):
    return arg_022 * 2 + 22.5
def fn_023(arg_023=23):
    return arg_023 * 2 + 23.5
def fn_024(arg_024=24):
    return arg_024 * 2 + 24.5
def fn_025(arg_025=25):
    return arg_025 * 2 + 25.5
def fn_026(arg_026=26):
    return arg_026 * 2 + 26.5
def fn_027(arg_027=27):
    return arg_027 * 2 + 27.5
def fn_028(arg_028=28):
    return arg_028 * 2 + 28.5
def fn_029(arg_029=29):
    return arg_029 * 2 + 29.5
def fn_030(arg_030=30):
    return arg_030 * 2 + 30.5
def fn_031(arg_031=31):
    return arg_031 * 2 + 31.5
def fn_032(arg_032=32):
    return arg_032 * 2 + 32.5
def fn_033(arg_033=33):
    return arg_033 * 2 + 33.5
def fn_034(arg_034=34):
    return arg_034 * 2 + 34.5
def fn_035(arg_035=35):
    return arg_035 * 2 + 35.5
def fn_036(arg_036=36):
    return arg_036 * 2 + 36.5
def fn_037(arg_037=37):
    return arg_037 * 2 + 37.5
def fn_038(arg_038=38):
    return arg_038 * 2 + 38.5
def fn_039(arg_039=39):
    return arg_039 * 2 + 39.5
def fn_040(arg_040=40):
    return arg_040 * 2 + 40.5
def fn_041(arg_041=41):
    return arg_041 * 2 + 41.5
def fn_042(arg_042=42):
    return arg_042 * 2 + 42.5
def fn_043(arg_043=43):
    return arg_043 * 2 + 43.5
def fn_044(arg_044=44):
    return arg_044 * 2 + 44.5
def fn_045(arg_045=45):
    return arg_045 * 2 + 45.5
def fn_046(arg_046=46):
    return arg_046 * 2 + 46.5
def fn_047(arg_047=47):
    return arg_047 * 2 + 47.5
def fn_048(arg_048=48):
    return arg_048 * 2 + 48.5
def fn_049(arg_049=49):
    return arg_049 * 2 + 49.5
def fn_050(arg_050=50):
    return arg_050 * 2 + 50.5
def fn_051(arg_051=51):
    return arg_051 * 2 + 51.5
def fn_052(arg_052=52):
    return arg_052 * 2 + 52.5
def fn_053(arg_053=53):
    return arg_053 * 2 + 53.5
def fn_054(arg_054=54):
    return arg_054 * 2 + 54.5
def fn_055(arg_055=55):
    return arg_055 * 2 + 55.5
def fn_056(arg_056=56):
    return arg_056 * 2 + 56.5
def fn_057(arg_057=57):
    return arg_057 * 2 + 57.5
def fn_058(arg_058=58):
    return arg_058 * 2 + 58.5
def fn_059(arg_059=59):
    return arg_059 * 2 + 59.5
def fn_060(arg_060=60):
    return arg_060 * 2 + 60.5
def fn_061(arg_061=61):
    return arg_061 * 2 + 61.5
def fn_062(arg_062=62):
    return arg_062 * 2 + 62.5
def fn_063(arg_063=63):
    return arg_063 * 2 + 63.5
def fn_064(arg_064=64):
    return arg_064 * 2 + 64.5
def fn_065(arg_065=65):
    return arg_065 * 2 + 65.5
def fn_066(arg_066=66):
    return arg_066 * 2 + 66.5
def fn_067(arg_067=67):
    return arg_067 * 2 + 67.5
def fn_068(arg_068=68):
    return arg_068 * 2 + 68.5
def fn_069(arg_069=69):
    return arg_069 * 2 + 69.5
def fn_070(arg_070=70):
    return arg_070 * 2 + 70.5
def fn_071(arg_071=71):
    return arg_071 * 2 + 71.5
def fn_072(arg_072=72):
    return arg_072 * 2 + 72.5
def fn_073(arg_073=73):
    return arg_073 * 2 + 73.5
def fn_074(arg_074=74):
    return arg_074 * 2 + 74.5
def fn_075(arg_075=75):
    return arg_075 * 2 + 75.5
def fn_076(arg_076=76):
    return arg_076 * 2 + 76.5
def fn_077(arg_077=77):
    return arg_077 * 2 + 77.5
def fn_078(arg_078=78):
    return arg_078 * 2 + 78.5
def fn_079(arg_079=79):
    return arg_079 * 2 + 79.5
def fn_080(arg_080=80):
    return arg_080 * 2 + 80.5
def fn_081(arg_081=81):
    return arg_081 * 2 + 81.5
def fn_082(arg_082=82):
    return arg_082 * 2 + 82.5
def fn_083(arg_083=83):
    return arg_083 * 2 + 83.5
def fn_084(arg_084=84):
    return arg_084 * 2 + 84.5
def fn_085(arg_085=85):
    return arg_085 * 2 + 85.5
def fn_086(arg_086=86):
    return arg_086 * 2 + 86.5
def fn_087(arg_087=87):
    return arg_087 * 2 + 87.5
def fn_088(arg_088=88):
    return arg_088 * 2 + 88.5
def fn_089(arg_089=89):
    return arg_089 * 2 + 89.5
def fn_090(arg_090=90):
    return arg_090 * 2 + 90.5
def fn_091(arg_091=91):
    return arg_091 * 2 + 91.5
def fn_092(arg_092=92):
    return arg_092 * 2 + 92.5
def fn_093(arg_093=93):
    return arg_093 * 2 + 93.5
def fn_094(arg_094=94):
    return arg_094 * 2 + 94.5
def fn_095(arg_095=95):
    return arg_095 * 2 + 95.5
def fn_096(arg_096=96):
    return arg_096 * 2 + 96.5
def fn_097(arg_097=97):
    return arg_097 * 2 + 97.5
def fn_098(arg_098=98):
    return arg_098 * 2 + 98.5
def fn_099(arg_099=99):
    return arg_099 * 2 + 99.5
def fn_100(arg_100=100):
    return arg_100 * 2 + 100.5
def fn_101(arg_101=101):
    return arg_101 * 2 + 101.5
def fn_102(arg_102=102):
    return arg_102 * 2 + 102.5
def fn_103(arg_103=103):
    return arg_103 * 2 + 103.5
def fn_104(arg_104=104):
    return arg_104 * 2 + 104.5
def fn_105(arg_105=105):
    return arg_105 * 2 + 105.5
def fn_106(arg_106=106):
    return arg_106 * 2 + 106.5
def fn_107(arg_107=107):
    return arg_107 * 2 + 107.5
def fn_108(arg_108=108):
    return arg_108 * 2 + 108.5
def fn_109(arg_109=109):
    return arg_109 * 2 + 109.5
def fn_110(arg_110=110):
    return arg_110 * 2 + 110.5
def fn_111(arg_111=111):
    return arg_111 * 2 + 111.5
def fn_112(arg_112=112):
    return arg_112 * 2 + 112.5
def fn_113(arg_113=113):
    return arg_113 * 2 + 113.5
def fn_114(arg_114=114):
    return arg_114 * 2 + 114.5
def fn_115(arg_115=115):
    return arg_115 * 2 + 115.5
def fn_116(arg_116=116):
    return arg_116 * 2 + 116.5
def fn_117(arg_117=117):
    return arg_117 * 2 + 117.5
def fn_118(arg_118=118):
    return arg_118 * 2 + 118.5
def fn_119(arg_119=119):
    return arg_119 * 2 + 119.5
def fn_120(arg_120=120):
    return arg_120 * 2 + 120.5
def fn_121(arg_121=121):
    return arg_121 * 2 + 121.5
def fn_122(arg_122=122):
    return arg_122 * 2 + 122.5
def fn_123(arg_123=123):
    return arg_123 * 2 + 123.5
def fn_124(arg_124=124):
    return arg_124 * 2 + 124.5
def fn_125(arg_125=125):
    return arg_125 * 2 + 125.5
def fn_126(arg_126=126):
    return arg_126 * 2 + 126.5
def fn_127(arg_127=127):
    return arg_127 * 2 + 127.5
def fn_128(arg_128=128):
    return arg_128 * 2 + 128.5
def fn_129(arg_129=129):
    return arg_129 * 2 + 129.5
def fn_130(arg_130=130):
    return arg_130 * 2 + 130.5
def fn_131(arg_131=131):
    return arg_131 * 2 + 131.5
def fn_132(arg_132=132):
    return arg_132 * 2 + 132.5
def fn_133(arg_133=133):
    return arg_133 * 2 + 133.5
def fn_134(arg_134=134):
    return arg_134 * 2 + 134.5
def fn_135(arg_135=135):
    return arg_135 * 2 + 135.5
def fn_136(arg_136=136):
    return arg_136 * 2 + 136.5
def fn_137(arg_137=137):
    return arg_137 * 2 + 137.5
def fn_138(arg_138=138):
    return arg_138 * 2 + 138.5
def fn_139(arg_139=139):
    return arg_139 * 2 + 139.5
def fn_140(arg_140=140):
    return arg_140 * 2 + 140.5
def fn_141(arg_141=141):
    return arg_141 * 2 + 141.5
def fn_142(arg_142=142):
    return arg_142 * 2 + 142.5
def fn_143(arg_143=143):
    return arg_143 * 2 + 143.5
def fn_144(arg_144=144):
    return arg_144 * 2 + 144.5
def fn_145(arg_145=145):
    return arg_145 * 2 + 145.5
def fn_146(arg_146=146):
    return arg_146 * 2 + 146.5
def fn_147(arg_147=147):
    return arg_147 * 2 + 147.5
def fn_148(arg_148=148):
    return arg_148 * 2 + 148.5
def fn_149(arg_149=149):
    return arg_149 * 2 + 149.5
def fn_150(arg_150=150):
    return arg_150 * 2 + 150.5
def fn_151(arg_151=151):
    return arg_151 * 2 + 151.5
def fn_152(arg_152=152):
    return arg_152 * 2 + 152.5
def fn_153(arg_153=153):
    return arg_153 * 2 + 153.5
def fn_154(arg_154=154):
    return arg_154 * 2 + 154.5
def fn_155(arg_155=155):
    return arg_155 * 2 + 155.5
def fn_156(arg_156=156):
    return arg_156 * 2 + 156.5
def fn_157(arg_157=157):
    return arg_157 * 2 + 157.5
def fn_158(arg_158=158):
    return arg_158 * 2 + 158.5
def fn_159(arg_159=159):
    return arg_159 * 2 + 159.5
name_000 = fn_000()
name_001 = fn_001()
name_002 = fn_002()
name_003 = fn_003()
name_004 = fn_004()
name_005 = fn_005()
name_006 = fn_006()
name_007 = fn_007()
name_008 = fn_008()
name_009 = fn_009()
name_010 = fn_010()
name_011 = fn_011()
name_012 = fn_012()
name_013 = fn_013()
name_014 = fn_014()
name_015 = fn_015()
name_016 = fn_016()
name_017 = fn_017()
name_018 = fn_018()
name_019 = fn_019()
name_020 = fn_020()
name_021 = fn_021()
name_022 = fn_022()
name_023 = fn_023()
name_024 = fn_024()
name_025 = fn_025()
name_026 = fn_026()
name_027 = fn_027()
name_028 = fn_028()
name_029 = fn_029()
name_030 = fn_030()
name_031 = fn_031()
name_032 = fn_032()
name_033 = fn_033()
name_034 = fn_034()
name_035 = fn_035()
name_036 = fn_036()
name_037 = fn_037()
name_038 = fn_038()
name_039 = fn_039()
name_040 = fn_040()
name_041 = fn_041()
name_042 = fn_042()
name_043 = fn_043()
name_044 = fn_044()
name_045 = fn_045()
name_046 = fn_046()
name_047 = fn_047()
name_048 = fn_048()
name_049 = fn_049()
name_050 = fn_050()
name_051 = fn_051()
name_052 = fn_052()
name_053 = fn_053()
name_054 = fn_054()
name_055 = fn_055()
name_056 = fn_056()
name_057 = fn_057()
name_058 = fn_058()
name_059 = fn_059()
name_060 = fn_060()
name_061 = fn_061()
name_062 = fn_062()
name_063 = fn_063()
name_064 = fn_064()
name_065 = fn_065()
name_066 = fn_066()
name_067 = fn_067()
name_068 = fn_068()
name_069 = fn_069()
name_070 = fn_070()
name_071 = fn_071()
name_072 = fn_072()
name_073 = fn_073()
name_074 = fn_074()
name_075 = fn_075()
name_076 = fn_076()
name_077 = fn_077()
name_078 = fn_078()
name_079 = fn_079()
name_080 = fn_080()
name_081 = fn_081()
name_082 = fn_082()
name_083 = fn_083()
name_084 = fn_084()
name_085 = fn_085()
name_086 = fn_086()
name_087 = fn_087()
name_088 = fn_088()
name_089 = fn_089()
name_090 = fn_090()
name_091 = fn_091()
name_092 = fn_092()
name_093 = fn_093()
name_094 = fn_094()
name_095 = fn_095()
name_096 = fn_096()
name_097 = fn_097()
name_098 = fn_098()
name_099 = fn_099()
name_100 = fn_100()
name_101 = fn_101()
name_102 = fn_102()
name_103 = fn_103()
name_104 = fn_104()
name_105 = fn_105()
name_106 = fn_106()
name_107 = fn_107()
name_108 = fn_108()
name_109 = fn_109()
name_110 = fn_110()
name_111 = fn_111()
name_112 = fn_112()
name_113 = fn_113()
name_114 = fn_114()
name_115 = fn_115()
name_116 = fn_116()
name_117 = fn_117()
name_118 = fn_118()
name_119 = fn_119()
name_120 = fn_120()
name_121 = fn_121()
name_122 = fn_122()
name_123 = fn_123()
name_124 = fn_124()
name_125 = fn_125()
name_126 = fn_126()
name_127 = fn_127()
name_128 = fn_128()
name_129 = fn_129()
name_130 = fn_130()
name_131 = fn_131()
name_132 = fn_132()
name_133 = fn_133()
name_134 = fn_134()
name_135 = fn_135()
name_136 = fn_136()
name_137 = fn_137()
name_138 = fn_138()
name_139 = fn_139()
name_140 = fn_140()
name_141 = fn_141()
name_142 = fn_142()
name_143 = fn_143()
name_144 = fn_144()
name_145 = fn_145()
name_146 = fn_146()
name_147 = fn_147()
name_148 = fn_148()
name_149 = fn_149()
name_150 = fn_150()
name_151 = fn_151()
name_152 = fn_152()
name_153 = fn_153()
name_154 = fn_154()
name_155 = fn_155()
name_156 = fn_156()
name_157 = fn_157()
name_158 = fn_158()
name_159 = fn_159()
print(name_000 + name_007 + name_014 + name_021 + name_028 + name_035 + name_042 + name_049 + name_056 + name_063 + name_070 + name_077 + name_084 + name_091 + name_098 + name_105 + name_112 + name_119 + name_126 + name_133 + name_140 + name_147 + name_154)
consts = ["constant string number 0", "constant string number 1", "constant string number 2", "constant string number 3", "constant string number 4", "constant string number 5", "constant string number 6", "constant string number 7", "constant string number 8", "constant string number 9", "constant string number 10", "constant string number 11", "constant string number 12", "constant string number 13", "constant string number 14", "constant string number 15", "constant string number 16", "constant string number 17", "constant string number 18", "constant string number 19", "constant string number 20", "constant string number 21", "constant string number 22", "constant string number 23", "constant string number 24", "constant string number 25", "constant string number 26", "constant string number 27", "constant string number 28", "constant string number 29", "constant string number 30", "constant string number 31", "constant string number 32", "constant string number 33", "constant string number 34", "constant string number 35", "constant string number 36", "constant string number 37", "constant string number 38", "constant string number 39", "constant string number 40", "constant string number 41", "constant string number 42", "constant string number 43", "constant string number 44", "constant string number 45", "constant string number 46", "constant string number 47", "constant string number 48", "constant string number 49", "constant string number 50", "constant string number 51", "constant string number 52", "constant string number 53", "constant string number 54", "constant string number 55", "constant string number 56", "constant string number 57", "constant string number 58", "constant string number 59", "constant string number 60", "constant string number 61", "constant string number 62", "constant string number 63", "constant string number 64", "constant string number 65", "constant string number 66", "constant string number 67", "constant string number 68", "constant string number 69", "constant string number 70", "constant string number 71", "constant string number 72", "constant string number 73", "constant string number 74", "constant string number 75", "constant string number 76", "constant string number 77", "constant string number 78", "constant string number 79", "constant string number 80", "constant string number 81", "constant string number 82", "constant string number 83", "constant string number 84", "constant string number 85", "constant string number 86", "constant string number 87", "constant string number 88", "constant string number 89", "constant string number 90", "constant string number 91", "constant string number 92", "constant string number 93", "constant string number 94", "constant string number 95", "constant string number 96", "constant string number 97", "constant string number 98", "constant string number 99", "constant string number 100", "constant string number 101", "constant string number 102", "constant string number 103", "constant string number 104", "constant string number 105", "constant string number 106", "constant string number 107", "constant string number 108", "constant string number 109", "constant string number 110", "constant string number 111", "constant string number 112", "constant string number 113", "constant string number 114", "constant string number 115", "constant string number 116", "constant string number 117", "constant string number 118", "constant string number 119", "constant string number 120", "constant string number 121", "constant string number 122", "constant string number 123", "constant string number 124", "constant string number 125", "constant string number 126", "constant string number 127", "constant string number 128", "constant string number 129", "constant string number 130", "constant string number 131", "constant string number 132", "constant string number 133", "constant string number 134", "constant string number 135", "constant string number 136", "constant string number 137", "constant string number 138", "constant string number 139"]
print(len(consts), consts[0], consts[139])
print(sum(globals()['fn_%03d' % i](1) for i in range(160)))
big = (100000000000000000000, 100000000000000000001, 100000000000000000002, 100000000000000000003, 100000000000000000004, 100000000000000000005, 100000000000000000006, 100000000000000000007, 100000000000000000008, 100000000000000000009, 100000000000000000010, 100000000000000000011, 100000000000000000012, 100000000000000000013, 100000000000000000014, 100000000000000000015, 100000000000000000016, 100000000000000000017, 100000000000000000018, 100000000000000000019, 100000000000000000020, 100000000000000000021, 100000000000000000022, 100000000000000000023, 100000000000000000024, 100000000000000000025, 100000000000000000026, 100000000000000000027, 100000000000000000028, 100000000000000000029, 100000000000000000030, 100000000000000000031, 100000000000000000032, 100000000000000000033, 100000000000000000034, 100000000000000000035, 100000000000000000036, 100000000000000000037, 100000000000000000038, 100000000000000000039, 100000000000000000040, 100000000000000000041, 100000000000000000042, 100000000000000000043, 100000000000000000044, 100000000000000000045, 100000000000000000046, 100000000000000000047, 100000000000000000048, 100000000000000000049, 100000000000000000050, 100000000000000000051, 100000000000000000052, 100000000000000000053, 100000000000000000054, 100000000000000000055, 100000000000000000056, 100000000000000000057, 100000000000000000058, 100000000000000000059, 100000000000000000060, 100000000000000000061, 100000000000000000062, 100000000000000000063, 100000000000000000064, 100000000000000000065, 100000000000000000066, 100000000000000000067, 100000000000000000068, 100000000000000000069, 100000000000000000070, 100000000000000000071, 100000000000000000072, 100000000000000000073, 100000000000000000074, 100000000000000000075, 100000000000000000076, 100000000000000000077, 100000000000000000078, 100000000000000000079, 100000000000000000080, 100000000000000000081, 100000000000000000082, 100000000000000000083, 100000000000000000084, 100000000000000000085, 100000000000000000086, 100000000000000000087, 100000000000000000088, 100000000000000000089, 100000000000000000090, 100000000000000000091, 100000000000000000092, 100000000000000000093, 100000000000000000094, 100000000000000000095, 100000000000000000096, 100000000000000000097, 100000000000000000098, 100000000000000000099, 100000000000000000100, 100000000000000000101, 100000000000000000102, 100000000000000000103, 100000000000000000104, 100000000000000000105, 100000000000000000106, 100000000000000000107, 100000000000000000108, 100000000000000000109, 100000000000000000110, 100000000000000000111, 100000000000000000112, 100000000000000000113, 100000000000000000114, 100000000000000000115, 100000000000000000116, 100000000000000000117, 100000000000000000118, 100000000000000000119, 100000000000000000120, 100000000000000000121, 100000000000000000122, 100000000000000000123, 100000000000000000124, 100000000000000000125, 100000000000000000126, 100000000000000000127, 100000000000000000128, 100000000000000000129, 100000000000000000130, 100000000000000000131, 100000000000000000132, 100000000000000000133, 100000000000000000134)
print(len(big), big[-1] - big[0])
