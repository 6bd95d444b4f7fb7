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
    MP_QSTR_add2,
    MP_QSTR_asm_rv32_demo_dot_py,
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
    246,
    155,
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
    16,
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
        "add2",
        "asm_rv32_demo.py",
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
// - original source file: fastpath-rv32imc.mpy
// - frozen file name: fastpath.py
// - .mpy header: 4d:06:2f:1f

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
static const byte fun_data_fastpath_checksum[162] __attribute__((section(".text,\"ax\",@progbits # "))) __attribute__ ((aligned (2))) = {
    0x00, 0x00, 0x00, 0x00, 0x13, 0x01, 0x41, 0xfb, 0x06, 0xc0, 0x26, 0xc2, 0x4e, 0xc4, 0x52, 0xc6,
    0x56, 0xc8, 0x44, 0x41, 0x83, 0xaa, 0x84, 0x00, 0xc4, 0x44, 0xc4, 0x40, 0x2a, 0xca, 0x25, 0x45,
    0x2a, 0xd0, 0x48, 0x08, 0x03, 0xae, 0x44, 0x0b, 0x02, 0x9e, 0xa6, 0x49, 0x16, 0x4a, 0x05, 0x4a,
    0x4e, 0x85, 0x2c, 0x10, 0x03, 0xae, 0x84, 0x07, 0x02, 0x9e, 0x28, 0x10, 0x03, 0xae, 0xc4, 0x07,
    0x02, 0x9e, 0x63, 0x16, 0x05, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0xee, 0x03, 0x2a, 0x83,
    0x9a, 0xc0, 0x13, 0x06, 0xf0, 0x03, 0xd2, 0x85, 0x75, 0x45, 0x03, 0xae, 0x84, 0x04, 0x02, 0x9e,
    0x06, 0x43, 0x1a, 0x86, 0xaa, 0x85, 0x6d, 0x45, 0x03, 0xae, 0x84, 0x04, 0x02, 0x9e, 0x37, 0x06,
    0x02, 0x00, 0x13, 0x06, 0xf6, 0xff, 0xaa, 0x85, 0x61, 0x45, 0x03, 0xae, 0x84, 0x04, 0x02, 0x9e,
    0x2a, 0x8a, 0x65, 0xbf, 0x52, 0x85, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x8e, 0x00, 0x82, 0x40,
    0x92, 0x44, 0xa2, 0x49, 0x32, 0x4a, 0xc2, 0x4a, 0x13, 0x01, 0xc1, 0x04, 0x82, 0x80, 0x41, 0x04,
    0x03, 0x0b,
};
#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE
static const byte fun_data_fastpath_checksum_prelude[4] = { 0x41, 0x04, 0x03, 0x0b,};
#define fun_data_fastpath_checksum_prelude_macro &fun_data_fastpath_checksum_prelude[0]
#else
#define fun_data_fastpath_checksum_prelude_macro &fun_data_fastpath_checksum[158]
#endif
static const mp_raw_code_truncated_t proto_fun_fastpath_checksum = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_PY,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_checksum,
    .children = (void *)fun_data_fastpath_checksum_prelude_macro,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 162,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 158,
    #endif
    #endif
};

// child of fastpath__lt_module_gt_

// frozen native code for file fastpath.py, scope fastpath_fastpath_dot_py
static const byte fun_data_fastpath_fastpath_dot_py[156] __attribute__((section(".text,\"ax\",@progbits # "))) __attribute__ ((aligned (2))) = {
    0x13, 0x01, 0xc1, 0xfd, 0x06, 0xc0, 0x22, 0xc2, 0x26, 0xc4, 0x4e, 0xc6, 0x52, 0xc8, 0x56, 0xca,
    0x44, 0x41, 0x83, 0xaa, 0x84, 0x00, 0xc4, 0x44, 0xc4, 0x40, 0x2e, 0x85, 0xb2, 0x85, 0x36, 0x8a,
    0x63, 0x86, 0x05, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x6e, 0x01, 0x05, 0x46, 0x63, 0x16,
    0xc5, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x4e, 0x01, 0x37, 0x06, 0x02, 0x00, 0x09, 0x06,
    0x03, 0xae, 0x04, 0x0b, 0x02, 0x9e, 0x03, 0x25, 0x0a, 0x00, 0x89, 0x45, 0xc0, 0x44, 0x02, 0x94,
    0xaa, 0x89, 0x01, 0x4a, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x2e, 0x02, 0x05, 0x46, 0xce, 0x85,
    0xb3, 0x75, 0xb6, 0x00, 0x2e, 0x86, 0xd2, 0x85, 0xb2, 0x95, 0x2e, 0x8a, 0x05, 0x46, 0xce, 0x85,
    0xb3, 0xd5, 0xc5, 0x40, 0xae, 0x89, 0x4e, 0x85, 0x75, 0xf1, 0x52, 0x85, 0x89, 0x45, 0x80, 0x48,
    0x02, 0x94, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x8e, 0x00, 0x82, 0x40, 0x12, 0x44, 0xa2, 0x44,
    0xb2, 0x49, 0x42, 0x4a, 0xd2, 0x4a, 0x13, 0x01, 0x41, 0x02, 0x82, 0x80,
};
static const mp_raw_code_truncated_t proto_fun_fastpath_fastpath_dot_py = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_VIPER,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_fastpath_dot_py,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 156,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
};

// child of fastpath__lt_module_gt_

// frozen native code for file fastpath.py, scope fastpath_fastpath_dot_py2
static const byte fun_data_fastpath_fastpath_dot_py2[304] __attribute__((section(".text,\"ax\",@progbits # "))) __attribute__ ((aligned (2))) = {
    0x13, 0x01, 0xc1, 0xf7, 0x06, 0xc0, 0x22, 0xc2, 0x26, 0xc4, 0x4e, 0xc6, 0x52, 0xc8, 0x56, 0xca,
    0x44, 0x41, 0x83, 0xaa, 0x84, 0x00, 0xc4, 0x44, 0xc4, 0x40, 0xaa, 0xd0, 0x2e, 0x85, 0xb2, 0x85,
    0x36, 0x8a, 0x63, 0x86, 0x05, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x6e, 0x01, 0x09, 0x46,
    0x63, 0x16, 0xc5, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x4e, 0x01, 0x37, 0x06, 0x04, 0x00,
    0x11, 0x06, 0x03, 0xae, 0x04, 0x0b, 0x02, 0x9e, 0x03, 0x25, 0x0a, 0x00, 0xaa, 0x89, 0x03, 0x25,
    0x4a, 0x00, 0x89, 0x45, 0xc0, 0x44, 0x02, 0x94, 0x2a, 0x8a, 0x06, 0x55, 0x48, 0x41, 0x48, 0x41,
    0xc0, 0x48, 0x02, 0x94, 0xaa, 0xd2, 0x63, 0x16, 0x05, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00,
    0xae, 0x02, 0x28, 0x08, 0x03, 0xae, 0x04, 0x08, 0x02, 0x9e, 0x63, 0x16, 0x05, 0x00, 0x17, 0x0e,
    0x00, 0x00, 0x67, 0x00, 0x6e, 0x01, 0x16, 0x55, 0xc0, 0x48, 0x02, 0x94, 0x72, 0x45, 0x03, 0xae,
    0x84, 0x08, 0x02, 0x9e, 0x4e, 0x85, 0x95, 0x45, 0xc0, 0x44, 0x02, 0x94, 0x2a, 0x83, 0x1a, 0xc1,
    0x03, 0xd5, 0x8a, 0x01, 0xc0, 0x4c, 0x02, 0x94, 0xaa, 0xd6, 0xce, 0xd8, 0x90, 0x18, 0x36, 0x55,
    0x85, 0x45, 0x03, 0xae, 0xc4, 0x06, 0x02, 0x9e, 0x89, 0x45, 0xc0, 0x44, 0x02, 0x94, 0xaa, 0xd4,
    0x81, 0x43, 0x9e, 0xd6, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00, 0x4e, 0x02, 0x36, 0x53, 0x9a, 0xd6,
    0x9a, 0xde, 0x0a, 0x43, 0x9a, 0xda, 0x76, 0x53, 0x56, 0x55, 0x1a, 0x95, 0x23, 0x00, 0x45, 0x01,
    0x05, 0x46, 0xb6, 0x55, 0xb2, 0x95, 0xae, 0xd6, 0x36, 0x53, 0xa6, 0x53, 0x9a, 0xd6, 0x9e, 0xd4,
    0x9a, 0x85, 0x33, 0xa5, 0x75, 0x00, 0x79, 0xf9, 0x88, 0x40, 0xaa, 0xce, 0x17, 0x0e, 0x00, 0x00,
    0x67, 0x00, 0x8e, 0x00, 0x16, 0x55, 0x63, 0x16, 0x05, 0x00, 0x17, 0x0e, 0x00, 0x00, 0x67, 0x00,
    0x2e, 0x01, 0xc0, 0x48, 0x02, 0x94, 0x03, 0xae, 0x44, 0x08, 0x02, 0x9e, 0x76, 0x45, 0x82, 0x40,
    0x12, 0x44, 0xa2, 0x44, 0xb2, 0x49, 0x42, 0x4a, 0xd2, 0x4a, 0x13, 0x01, 0x41, 0x08, 0x82, 0x80,
};
static const mp_raw_code_truncated_t proto_fun_fastpath_fastpath_dot_py2 = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_VIPER,
    .is_generator = 0,
    .fun_data = fun_data_fastpath_fastpath_dot_py2,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 304,
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
// frozen module asm_rv32_demo
// - original source file: asm_rv32_demo-rv32imc.mpy
// - frozen file name: asm_rv32_demo.py
// - .mpy header: 4d:06:2f:1f

// frozen bytecode for file asm_rv32_demo.py, scope asm_rv32_demo__lt_module_gt_
static const byte fun_data_asm_rv32_demo__lt_module_gt_[23] = {
    0x18,0x08, // prelude
    0x01, // names: <module>
    0x20,0x64,0x40, // code info
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x02, // STORE_NAME 'add2'
    0x11,0x03, // LOAD_NAME 'print'
    0x11,0x02, // LOAD_NAME 'add2'
    0x84, // LOAD_CONST_SMALL_INT 4
    0x85, // LOAD_CONST_SMALL_INT 5
    0x34,0x02, // CALL_FUNCTION 2
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of asm_rv32_demo__lt_module_gt_

// frozen native code for file asm_rv32_demo.py, scope asm_rv32_demo_asm_rv32_demo_dot_py
static const byte fun_data_asm_rv32_demo_asm_rv32_demo_dot_py[6] __attribute__((section(".text,\"ax\",@progbits # "))) __attribute__ ((aligned (2))) = {
    0x33, 0x05, 0xb5, 0x00, 0x82, 0x80,
};
static const mp_raw_code_t proto_fun_asm_rv32_demo_asm_rv32_demo_dot_py = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_ASM,
    .is_generator = 0,
    .fun_data = fun_data_asm_rv32_demo_asm_rv32_demo_dot_py,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 6,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
    .asm_n_pos_args = 2,
    .asm_type_sig = 2,
};

static const mp_raw_code_t *const children_asm_rv32_demo__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_asm_rv32_demo_asm_rv32_demo_dot_py,
};

static const mp_raw_code_truncated_t proto_fun_asm_rv32_demo__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_asm_rv32_demo__lt_module_gt_,
    .children = (void *)&children_asm_rv32_demo__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 23,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 4,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_asm_rv32_demo__lt_module_gt_ + 3,
        .line_info_top = fun_data_asm_rv32_demo__lt_module_gt_ + 6,
        .opcodes = fun_data_asm_rv32_demo__lt_module_gt_ + 6,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_asm_rv32_demo[4] = {
    MP_QSTR_asm_rv32_demo_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_add2,
    MP_QSTR_print,
};

static const mp_frozen_module_t frozen_module_asm_rv32_demo = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_asm_rv32_demo,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_asm_rv32_demo__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "fastpath.py\0"
    "asm_rv32_demo.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_fastpath,
    &frozen_module_asm_rv32_demo,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("fastpath", "fastpath.py")
MICROPY_FROZEN_LIST_ITEM("asm_rv32_demo", "asm_rv32_demo.py")
#endif

/*
byte sizes:
qstr content: 11 unique, 98 bytes
bc content: 123
const str content: 11
const int content: 0
const obj content: 16
const table qstr content: 0 entries, 0 bytes
const table ptr content: 2 entries, 8 bytes
raw code content: 7 * 4 = 112
mp_frozen_mpy_names_content: 30
mp_frozen_mpy_content_size: 8
total: 406
*/
