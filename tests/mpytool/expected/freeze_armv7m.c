#include "py/mpconfig.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/emitglue.h"
#include "py/nativeglue.h"

#if MICROPY_LONGINT_IMPL != 2
#error "incompatible MICROPY_LONGINT_IMPL"
#endif

#if MPZ_DIG_SIZE != 16
#error "incompatible MPZ_DIG_SIZE"
#endif

#if MICROPY_PY_BUILTINS_FLOAT
typedef struct _mp_obj_float_t {
    mp_obj_base_t base;
    mp_float_t value;
} mp_obj_float_t;
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
typedef struct _mp_obj_complex_t {
    mp_obj_base_t base;
    mp_float_t real;
    mp_float_t imag;
} mp_obj_complex_t;
#endif

enum {
    MP_QSTR_a = MP_QSTRnumber_of,
    MP_QSTR_add3,
    MP_QSTR_asm_thumb_demo_dot_py,
    MP_QSTR_b,
    MP_QSTR_buf,
    MP_QSTR_checksum,
    MP_QSTR_data,
    MP_QSTR_fastpath_dot_py,
    MP_QSTR_fill,
    MP_QSTR_plain,
    MP_QSTR_popcount,
};

const qstr_hash_t mp_qstr_frozen_const_hashes[] = {
    196,
    247,
    216,
    199,
    116,
    72,
    21,
    207,
    202,
    63,
    41,
};

const qstr_len_t mp_qstr_frozen_const_lengths[] = {
    1,
    4,
    17,
    1,
    3,
    8,
    4,
    11,
    4,
    5,
    8,
};

extern const qstr_pool_t mp_qstr_const_pool;
const qstr_pool_t mp_qstr_frozen_const_pool = {
    &mp_qstr_const_pool, // previous pool
    MP_QSTRnumber_of, // previous pool size
    true, // is_sorted
    10, // allocated entries
    11, // used entries
    (qstr_hash_t *)mp_qstr_frozen_const_hashes,
    (qstr_len_t *)mp_qstr_frozen_const_lengths,
    {
        "a",
        "add3",
        "asm_thumb_demo.py",
        "b",
        "buf",
        "checksum",
        "data",
        "fastpath.py",
        "fill",
        "plain",
        "popcount",
    },
};

////////////////////////////////////////////////////////////////////////////////
// frozen module fastpath
// - original source file: fastpath-armv7m.mpy
// - frozen file name: fastpath.py
// - .mpy header: 4d:06:17:1f

// frozen bytecode for file fastpath.py, scope fastpath__lt_module_gt_
static const byte fun_data_fastpath__lt_module_gt_[88] = {
    0x28,0x1a, // prelude
    0x01, // names: <module>
    0x20,0x66,0x84,0x08,0x84,0x09,0x84,0x07,0x68,0x20,0x27,0x28, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x51, // LOAD_CONST_NONE
    0x1b,0x02, // IMPORT_NAME 'micropython'
    0x16,0x02, // STORE_NAME 'micropython'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x03, // STORE_NAME 'checksum'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x04, // STORE_NAME 'popcount'
    0x32,0x02, // MAKE_FUNCTION 2
    0x16,0x05, // STORE_NAME 'fill'
    0x82, // LOAD_CONST_SMALL_INT 2
    0x2a,0x01, // BUILD_TUPLE 1
    0x53, // LOAD_NULL
    0x33,0x03, // MAKE_FUNCTION_DEFARGS 3
    0x16,0x06, // STORE_NAME 'plain'
    0x11,0x07, // LOAD_NAME 'bytearray'
    0x84, // LOAD_CONST_SMALL_INT 4
    0x34,0x01, // CALL_FUNCTION 1
    0x16,0x08, // STORE_NAME 'buf'
    0x11,0x05, // LOAD_NAME 'fill'
    0x11,0x08, // LOAD_NAME 'buf'
    0x87, // LOAD_CONST_SMALL_INT 7
    0x34,0x02, // CALL_FUNCTION 2
    0x59, // POP_TOP
    0x11,0x09, // LOAD_NAME 'print'
    0x11,0x03, // LOAD_NAME 'checksum'
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x34,0x01, // CALL_FUNCTION 1
    0x11,0x04, // LOAD_NAME 'popcount'
    0x22,0x83,0xe1,0x70, // LOAD_CONST_SMALL_INT 61680
    0x34,0x01, // CALL_FUNCTION 1
    0x11,0x0a, // LOAD_NAME 'list'
    0x11,0x08, // LOAD_NAME 'buf'
    0x34,0x01, // CALL_FUNCTION 1
    0x11,0x06, // LOAD_NAME 'plain'
    0x83, // LOAD_CONST_SMALL_INT 3
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x04, // CALL_FUNCTION 4
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of fastpath__lt_module_gt_

// frozen native code for file fastpath.py, scope fastpath_checksum
static const byte fun_data_fastpath_checksum[116] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0x00, 0x00, 0x00, 0x00, 0xfe, 0xb5, 0x8c, 0xb0, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x7f, 0x68,
    0x00, 0x90, 0x09, 0x20, 0x03, 0x90, 0x00, 0xa8, 0xd7, 0xf8, 0xb4, 0x40, 0xa0, 0x47, 0x0d, 0x9c,
    0x0c, 0x9d, 0x01, 0x25, 0x20, 0x46, 0x05, 0xa9, 0xbb, 0x6f, 0x98, 0x47, 0x05, 0xa8, 0xfb, 0x6f,
    0x98, 0x47, 0x00, 0x28, 0x00, 0xf0, 0x17, 0x80, 0x0b, 0x90, 0x3f, 0x22, 0x29, 0x46, 0x1d, 0x20,
    0xbb, 0x6c, 0x98, 0x47, 0x09, 0x90, 0x0b, 0x98, 0x02, 0x46, 0x09, 0x99, 0x1b, 0x20, 0xbb, 0x6c,
    0x98, 0x47, 0x4f, 0xf6, 0xff, 0x72, 0xc0, 0xf2, 0x01, 0x02, 0x01, 0x46, 0x18, 0x20, 0xbb, 0x6c,
    0x98, 0x47, 0x05, 0x46, 0xe2, 0xe7, 0x28, 0x46, 0x00, 0xf0, 0x00, 0xb8, 0x0c, 0xb0, 0xfe, 0xbd,
    0x41, 0x04, 0x03, 0x0b,
};
#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE
static const byte fun_data_fastpath_checksum_prelude[4] = { 0x41, 0x04, 0x03, 0x0b,};
#define fun_data_fastpath_checksum_prelude_macro &fun_data_fastpath_checksum_prelude[0]
#else
#define fun_data_fastpath_checksum_prelude_macro &fun_data_fastpath_checksum[112]
#endif
static const mp_raw_code_truncated_t proto_fun_fastpath_checksum = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_PY,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_checksum,
    .children = (void *)fun_data_fastpath_checksum_prelude_macro,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 116,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 112,
    #endif
    #endif
};

// child of fastpath__lt_module_gt_

// frozen native code for file fastpath.py, scope fastpath_fastpath_dot_py
static const byte fun_data_fastpath_fastpath_dot_py[102] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0xfe, 0xb5, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x7f, 0x68, 0x08, 0x46, 0x11, 0x46, 0x1d, 0x46,
    0x00, 0x29, 0x40, 0xf0, 0x04, 0x80, 0x01, 0x22, 0x90, 0x42, 0x00, 0xf0, 0x07, 0x80, 0x40, 0xf2,
    0x02, 0x02, 0xc0, 0xf2, 0x02, 0x02, 0xd7, 0xf8, 0xb0, 0x30, 0x98, 0x47, 0x28, 0x68, 0x02, 0x21,
    0xfb, 0x68, 0x98, 0x47, 0x04, 0x46, 0x00, 0x25, 0x00, 0xf0, 0x0b, 0xb8, 0x01, 0x22, 0x21, 0x46,
    0x11, 0x40, 0x0a, 0x46, 0x29, 0x46, 0x89, 0x18, 0x0d, 0x46, 0x01, 0x22, 0x21, 0x46, 0x11, 0x41,
    0x0c, 0x46, 0x20, 0x46, 0x00, 0x28, 0xf1, 0xd1, 0x28, 0x46, 0x02, 0x21, 0x3b, 0x69, 0x98, 0x47,
    0x00, 0xf0, 0x00, 0xb8, 0xfe, 0xbd,
};
static const mp_raw_code_truncated_t proto_fun_fastpath_fastpath_dot_py = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_VIPER,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_fastpath_dot_py,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 102,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
};

// child of fastpath__lt_module_gt_

// frozen native code for file fastpath.py, scope fastpath_fastpath_dot_py2
static const byte fun_data_fastpath_fastpath_dot_py2[236] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0xfe, 0xb5, 0x9a, 0xb0, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x7f, 0x68, 0x14, 0x90, 0x08, 0x46,
    0x11, 0x46, 0x1d, 0x46, 0x00, 0x29, 0x40, 0xf0, 0x04, 0x80, 0x02, 0x22, 0x90, 0x42, 0x00, 0xf0,
    0x07, 0x80, 0x40, 0xf2, 0x04, 0x02, 0xc0, 0xf2, 0x04, 0x02, 0xd7, 0xf8, 0xb0, 0x30, 0x98, 0x47,
    0x28, 0x68, 0x04, 0x46, 0x68, 0x68, 0x02, 0x21, 0xfb, 0x68, 0x98, 0x47, 0x05, 0x46, 0x14, 0x98,
    0x40, 0x68, 0x40, 0x68, 0x7b, 0x69, 0x98, 0x47, 0x15, 0x90, 0x00, 0x28, 0x00, 0xf0, 0x0e, 0x80,
    0x00, 0xa8, 0xd7, 0xf8, 0x80, 0x30, 0x98, 0x47, 0x00, 0x28, 0x00, 0xf0, 0x07, 0x80, 0x15, 0x98,
    0x7b, 0x69, 0x98, 0x47, 0x01, 0x98, 0xd7, 0xf8, 0x88, 0x30, 0x98, 0x47, 0x20, 0x46, 0x05, 0x21,
    0xfb, 0x68, 0x98, 0x47, 0x1c, 0x90, 0x30, 0x8b, 0xfb, 0x69, 0x98, 0x47, 0x17, 0x90, 0x18, 0x94,
    0x18, 0xaa, 0x17, 0x98, 0x01, 0x21, 0xfb, 0x6e, 0x98, 0x47, 0x02, 0x21, 0xfb, 0x68, 0x98, 0x47,
    0x16, 0x90, 0x00, 0x21, 0x17, 0x91, 0x00, 0xf0, 0x0d, 0xb8, 0x17, 0x98, 0x17, 0x90, 0x1b, 0x90,
    0x1c, 0x98, 0x19, 0x90, 0x1b, 0x98, 0x01, 0x46, 0x19, 0x98, 0x45, 0x54, 0x01, 0x22, 0x17, 0x99,
    0x89, 0x18, 0x17, 0x91, 0x17, 0x98, 0x16, 0x99, 0x17, 0x90, 0x16, 0x91, 0x0a, 0x46, 0x01, 0x46,
    0x91, 0x42, 0xb4, 0xbf, 0x01, 0x20, 0x00, 0x20, 0x00, 0x28, 0xe6, 0xd1, 0x38, 0x68, 0x13, 0x90,
    0x00, 0xf0, 0x00, 0xb8, 0x15, 0x98, 0x00, 0x28, 0x00, 0xf0, 0x05, 0x80, 0x7b, 0x69, 0x98, 0x47,
    0xd7, 0xf8, 0x84, 0x30, 0x98, 0x47, 0x13, 0x98, 0x1a, 0xb0, 0xfe, 0xbd,
};
static const mp_raw_code_truncated_t proto_fun_fastpath_fastpath_dot_py2 = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_VIPER,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_fastpath_dot_py2,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 236,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
};

// child of fastpath__lt_module_gt_
// frozen bytecode for file fastpath.py, scope fastpath_plain
static const byte fun_data_fastpath_plain[12] = {
    0x9a,0x01,0x0a, // prelude
    0x06,0x0d,0x0e, // names: plain, a, b
    0x80,0x1d, // code info
    0xb0, // LOAD_FAST 0
    0xb1, // LOAD_FAST 1
    0xf4, // BINARY_OP 29 __mul__
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_fastpath_plain = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_plain,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 12,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 4,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 2,
        .n_kwonly_args = 0,
        .n_def_pos_args = 1,
        .qstr_block_name_idx = 6,
        .line_info = fun_data_fastpath_plain + 6,
        .line_info_top = fun_data_fastpath_plain + 8,
        .opcodes = fun_data_fastpath_plain + 8,
    },
    #endif
    #endif
};
#else
#define proto_fun_fastpath_plain fun_data_fastpath_plain[0]
#endif

static const mp_raw_code_t *const children_fastpath__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_fastpath_checksum,
    (const mp_raw_code_t *)&proto_fun_fastpath_fastpath_dot_py,
    (const mp_raw_code_t *)&proto_fun_fastpath_fastpath_dot_py2,
    (const mp_raw_code_t *)&proto_fun_fastpath_plain,
};

static const mp_raw_code_truncated_t proto_fun_fastpath__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_fastpath__lt_module_gt_,
    .children = (void *)&children_fastpath__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 88,
    .n_children = 4,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 6,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_fastpath__lt_module_gt_ + 3,
        .line_info_top = fun_data_fastpath__lt_module_gt_ + 15,
        .opcodes = fun_data_fastpath__lt_module_gt_ + 15,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_fastpath[15] = {
    MP_QSTR_fastpath_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_micropython,
    MP_QSTR_checksum,
    MP_QSTR_popcount,
    MP_QSTR_fill,
    MP_QSTR_plain,
    MP_QSTR_bytearray,
    MP_QSTR_buf,
    MP_QSTR_print,
    MP_QSTR_list,
    MP_QSTR_data,
    MP_QSTR_len,
    MP_QSTR_a,
    MP_QSTR_b,
};

// constants
static const mp_obj_str_t const_obj_fastpath_0 = {{&mp_type_bytes}, 11, 11, (const byte*)"\x6d\x69\x63\x72\x6f\x70\x79\x74\x68\x6f\x6e"};

// constant table
static const mp_rom_obj_t const_obj_table_data_fastpath[2] = {
    MP_ROM_PTR(&const_obj_fastpath_0),
    &mp_fun_table,
};

static const mp_frozen_module_t frozen_module_fastpath = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_fastpath,
        .obj_table = (mp_obj_t *)&const_obj_table_data_fastpath,
    },
    .proto_fun = &proto_fun_fastpath__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module asm_thumb_demo
// - original source file: asm_thumb_demo-armv7m.mpy
// - frozen file name: asm_thumb_demo.py
// - .mpy header: 4d:06:17:1f

// frozen bytecode for file asm_thumb_demo.py, scope asm_thumb_demo__lt_module_gt_
static const byte fun_data_asm_thumb_demo__lt_module_gt_[24] = {
    0x20,0x08, // prelude
    0x01, // names: <module>
    0x20,0x64,0x60, // code info
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x02, // STORE_NAME 'add3'
    0x11,0x03, // LOAD_NAME 'print'
    0x11,0x02, // LOAD_NAME 'add3'
    0x81, // LOAD_CONST_SMALL_INT 1
    0x82, // LOAD_CONST_SMALL_INT 2
    0x83, // LOAD_CONST_SMALL_INT 3
    0x34,0x03, // CALL_FUNCTION 3
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of asm_thumb_demo__lt_module_gt_

// frozen native code for file asm_thumb_demo.py, scope asm_thumb_demo_asm_thumb_demo_dot_py
static const byte fun_data_asm_thumb_demo_asm_thumb_demo_dot_py[8] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0xf2, 0xb5, 0x40, 0x18, 0x80, 0x18, 0xf2, 0xbd,
};
static const mp_raw_code_t proto_fun_asm_thumb_demo_asm_thumb_demo_dot_py = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_ASM,
    .is_generator = 0,
    .fun_data = fun_data_asm_thumb_demo_asm_thumb_demo_dot_py,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 8,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
    .asm_n_pos_args = 3,
    .asm_type_sig = 2,
};

static const mp_raw_code_t *const children_asm_thumb_demo__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_asm_thumb_demo_asm_thumb_demo_dot_py,
};

static const mp_raw_code_truncated_t proto_fun_asm_thumb_demo__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_asm_thumb_demo__lt_module_gt_,
    .children = (void *)&children_asm_thumb_demo__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 24,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 5,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_asm_thumb_demo__lt_module_gt_ + 3,
        .line_info_top = fun_data_asm_thumb_demo__lt_module_gt_ + 6,
        .opcodes = fun_data_asm_thumb_demo__lt_module_gt_ + 6,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_asm_thumb_demo[4] = {
    MP_QSTR_asm_thumb_demo_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_add3,
    MP_QSTR_print,
};

static const mp_frozen_module_t frozen_module_asm_thumb_demo = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_asm_thumb_demo,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_asm_thumb_demo__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "fastpath.py\0"
    "asm_thumb_demo.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_fastpath,
    &frozen_module_asm_thumb_demo,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("fastpath", "fastpath.py")
MICROPY_FROZEN_LIST_ITEM("asm_thumb_demo", "asm_thumb_demo.py")
#endif

/*
byte sizes:
qstr content: 11 unique, 99 bytes
bc content: 124
const str content: 11
const int content: 0
const obj content: 16
const table qstr content: 0 entries, 0 bytes
const table ptr content: 2 entries, 8 bytes
raw code content: 7 * 4 = 112
mp_frozen_mpy_names_content: 31
mp_frozen_mpy_content_size: 8
total: 409
*/
