//
// Content for MICROPY_MODULE_FROZEN_STR
//
#include <stdint.h>
#define MP_FROZEN_STR_NAMES \

const uint32_t mp_frozen_str_sizes[] = { 0 };
const char mp_frozen_str_content[] = {
"\0"
};

//
// Content for MICROPY_MODULE_FROZEN_MPY
//
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
    MP_QSTR__comma__space_ = MP_QSTRnumber_of,
    MP_QSTR__lt_dictcomp_gt_,
    MP_QSTR__lt_genexpr_gt_,
    MP_QSTR__lt_listcomp_gt_,
    MP_QSTR_BIG,
    MP_QSTR_Ctx,
    MP_QSTR_GREETING,
    MP_QSTR_LONG_TEXT,
    MP_QSTR_MAGIC,
    MP_QSTR_NEG_BIG,
    MP_QSTR_PAIR,
    MP_QSTR_PI_ISH,
    MP_QSTR_RATIO,
    MP_QSTR_ROOT,
    MP_QSTR_Rect,
    MP_QSTR_Shape,
    MP_QSTR_add,
    MP_QSTR_area,
    MP_QSTR_area_space_of_space_,
    MP_QSTR_big,
    MP_QSTR_bin,
    MP_QSTR_blob,
    MP_QSTR_classify,
    MP_QSTR_counter,
    MP_QSTR_dims,
    MP_QSTR_enter,
    MP_QSTR_exit,
    MP_QSTR_extra,
    MP_QSTR_float,
    MP_QSTR_hello_space_from_space_part_space_one,
    MP_QSTR_hex,
    MP_QSTR_k,
    MP_QSTR_limit,
    MP_QSTR_long_function,
    MP_QSTR_make_adder,
    MP_QSTR_max,
    MP_QSTR_min,
    MP_QSTR_n,
    MP_QSTR_name,
    MP_QSTR_negative,
    MP_QSTR_no,
    MP_QSTR_oct,
    MP_QSTR_one,
    MP_QSTR_other,
    MP_QSTR_part_one_dot_py,
    MP_QSTR_part_three_dot_py,
    MP_QSTR_part_two_dot_py,
    MP_QSTR_rect,
    MP_QSTR_safe_area,
    MP_QSTR_scale,
    MP_QSTR_shape,
    MP_QSTR_shapes_dot_py,
    MP_QSTR_sides,
    MP_QSTR_square,
    MP_QSTR_summary,
    MP_QSTR_swallowed,
    MP_QSTR_x,
    MP_QSTR_zero,
    MP_QSTR__brace_open__brace_close__paren_open__brace_open__brace_close__paren_close_,
};

const qstr_hash_t mp_qstr_frozen_const_hashes[] = {
    137,
    204,
    52,
    212,
    9,
    106,
    4,
    109,
    164,
    154,
    239,
    17,
    36,
    227,
    197,
    234,
    68,
    146,
    219,
    233,
    224,
    166,
    61,
    17,
    246,
    109,
    133,
    159,
    53,
    194,
    112,
    206,
    16,
    210,
    110,
    177,
    175,
    203,
    162,
    166,
    68,
    253,
    129,
    161,
    78,
    164,
    38,
    229,
    252,
    125,
    202,
    190,
    77,
    196,
    201,
    121,
    221,
    7,
    68,
};

const qstr_len_t mp_qstr_frozen_const_lengths[] = {
    2,
    10,
    9,
    10,
    3,
    3,
    8,
    9,
    5,
    7,
    4,
    6,
    5,
    4,
    4,
    5,
    3,
    4,
    8,
    3,
    3,
    4,
    8,
    7,
    4,
    5,
    4,
    5,
    5,
    19,
    3,
    1,
    5,
    13,
    10,
    3,
    3,
    1,
    4,
    8,
    2,
    3,
    3,
    5,
    11,
    13,
    11,
    4,
    9,
    5,
    5,
    9,
    5,
    6,
    7,
    9,
    1,
    4,
    6,
};

extern const qstr_pool_t mp_qstr_const_pool;
const qstr_pool_t mp_qstr_frozen_const_pool = {
    &mp_qstr_const_pool, // previous pool
    MP_QSTRnumber_of, // previous pool size
    true, // is_sorted
    10, // allocated entries
    59, // used entries
    (qstr_hash_t *)mp_qstr_frozen_const_hashes,
    (qstr_len_t *)mp_qstr_frozen_const_lengths,
    {
        ", ",
        "<dictcomp>",
        "<genexpr>",
        "<listcomp>",
        "BIG",
        "Ctx",
        "GREETING",
        "LONG_TEXT",
        "MAGIC",
        "NEG_BIG",
        "PAIR",
        "PI_ISH",
        "RATIO",
        "ROOT",
        "Rect",
        "Shape",
        "add",
        "area",
        "area of ",
        "big",
        "bin",
        "blob",
        "classify",
        "counter",
        "dims",
        "enter",
        "exit",
        "extra",
        "float",
        "hello from part one",
        "hex",
        "k",
        "limit",
        "long_function",
        "make_adder",
        "max",
        "min",
        "n",
        "name",
        "negative",
        "no",
        "oct",
        "one",
        "other",
        "part_one.py",
        "part_three.py",
        "part_two.py",
        "rect",
        "safe_area",
        "scale",
        "shape",
        "shapes.py",
        "sides",
        "square",
        "summary",
        "swallowed",
        "x",
        "zero",
        "{}({})",
    },
};

////////////////////////////////////////////////////////////////////////////////
// frozen module shapes
// - original source file: shapes.mpy
// - frozen file name: shapes.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file shapes.py, scope shapes__lt_module_gt_
static const byte fun_data_shapes__lt_module_gt_[103] = {
    0x18,0x2c, // prelude
    0x01, // names: <module>
    0x20,0x24,0x24,0x24,0x24,0x24,0x24,0x24,0x64,0x89,0x0f,0x8b,0x08,0x84,0x07,0x84,0x09,0x84,0x07,0x84,0x0b, // code info
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x16,0x1c, // STORE_NAME 'PI_ISH'
    0x23,0x01, // LOAD_CONST_OBJ 1
    0x16,0x1d, // STORE_NAME 'BIG'
    0x23,0x02, // LOAD_CONST_OBJ 2
    0x16,0x1e, // STORE_NAME 'NEG_BIG'
    0x23,0x03, // LOAD_CONST_OBJ 3
    0x16,0x1f, // STORE_NAME 'RATIO'
    0x23,0x04, // LOAD_CONST_OBJ 4
    0x16,0x20, // STORE_NAME 'ROOT'
    0x23,0x05, // LOAD_CONST_OBJ 5
    0x16,0x21, // STORE_NAME 'MAGIC'
    0x23,0x06, // LOAD_CONST_OBJ 6
    0x16,0x22, // STORE_NAME 'LONG_TEXT'
    0x23,0x07, // LOAD_CONST_OBJ 7
    0x16,0x23, // STORE_NAME 'PAIR'
    0x54, // LOAD_BUILD_CLASS
    0x32,0x00, // MAKE_FUNCTION 0
    0x10,0x02, // LOAD_CONST_STRING 'Shape'
    0x34,0x02, // CALL_FUNCTION 2
    0x16,0x02, // STORE_NAME 'Shape'
    0x54, // LOAD_BUILD_CLASS
    0x32,0x01, // MAKE_FUNCTION 1
    0x10,0x03, // LOAD_CONST_STRING 'Rect'
    0x11,0x02, // LOAD_NAME 'Shape'
    0x34,0x03, // CALL_FUNCTION 3
    0x16,0x03, // STORE_NAME 'Rect'
    0x32,0x02, // MAKE_FUNCTION 2
    0x16,0x05, // STORE_NAME 'counter'
    0x32,0x03, // MAKE_FUNCTION 3
    0x16,0x06, // STORE_NAME 'safe_area'
    0x32,0x04, // MAKE_FUNCTION 4
    0x16,0x08, // STORE_NAME 'make_adder'
    0x32,0x05, // MAKE_FUNCTION 5
    0x16,0x09, // STORE_NAME 'summary'
    0x11,0x24, // LOAD_NAME 'print'
    0x11,0x09, // LOAD_NAME 'summary'
    0x34,0x00, // CALL_FUNCTION 0
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of shapes__lt_module_gt_
// frozen bytecode for file shapes.py, scope shapes_Shape
static const byte fun_data_shapes_Shape[41] = {
    0x18,0x0e, // prelude
    0x02, // names: Shape
    0x88,0x0c,0x43,0x6b,0x40,0x64, // code info
    0x11,0x25, // LOAD_NAME '__name__'
    0x16,0x26, // STORE_NAME '__module__'
    0x10,0x02, // LOAD_CONST_STRING 'Shape'
    0x16,0x27, // STORE_NAME '__qualname__'
    0x80, // LOAD_CONST_SMALL_INT 0
    0x16,0x28, // STORE_NAME 'sides'
    0x53, // LOAD_NULL
    0x2c,0x00, // BUILD_MAP 0
    0x81, // LOAD_CONST_SMALL_INT 1
    0x10,0x04, // LOAD_CONST_STRING 'scale'
    0x62, // STORE_MAP
    0x33,0x00, // MAKE_FUNCTION_DEFARGS 0
    0x16,0x0e, // STORE_NAME '__init__'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x07, // STORE_NAME 'area'
    0x32,0x02, // MAKE_FUNCTION 2
    0x16,0x13, // STORE_NAME '__repr__'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of shapes_Shape
// frozen bytecode for file shapes.py, scope shapes_Shape___init__
static const byte fun_data_shapes_Shape___init__[35] = {
    0xb2,0x88,0xc0,0xc0,0x40,0x11, // prelude
    0x0e,0x30,0x0f,0x04, // names: __init__, self, name, scale
    0x80,0x0f,0x24,0x2a,0x02, // code info
    0xb1, // LOAD_FAST 1
    0xb0, // LOAD_FAST 0
    0x18,0x0f, // STORE_ATTR 'name'
    0xb2, // LOAD_FAST 2
    0x20,0x00,0x01, // MAKE_CLOSURE 0
    0xb3, // LOAD_FAST 3
    0x34,0x01, // CALL_FUNCTION 1
    0xb0, // LOAD_FAST 0
    0x18,0x10, // STORE_ATTR 'dims'
    0xb4, // LOAD_FAST 4
    0xb0, // LOAD_FAST 0
    0x18,0x11, // STORE_ATTR 'extra'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of shapes_Shape___init__
// frozen bytecode for file shapes.py, scope shapes_Shape___init____lt_listcomp_gt_
static const byte fun_data_shapes_Shape___init____lt_listcomp_gt_[23] = {
    0x4a,0x0a, // prelude
    0x1b,0x31,0x31, // names: <listcomp>, *, *
    0x80,0x10, // code info
    0x2b,0x00, // BUILD_LIST 0
    0xb1, // LOAD_FAST 1
    0x5f, // GET_ITER_STACK
    0x4b,0x09, // FOR_ITER 9
    0xc2, // STORE_FAST 2
    0xb2, // LOAD_FAST 2
    0x25,0x00, // LOAD_DEREF 0
    0xf4, // BINARY_OP 29 __mul__
    0x2f,0x14, // STORE_COMP 20
    0x42,0x35, // JUMP -11
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_Shape___init____lt_listcomp_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Shape___init____lt_listcomp_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 23,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 10,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 2,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 27,
        .line_info = fun_data_shapes_Shape___init____lt_listcomp_gt_ + 5,
        .line_info_top = fun_data_shapes_Shape___init____lt_listcomp_gt_ + 7,
        .opcodes = fun_data_shapes_Shape___init____lt_listcomp_gt_ + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_Shape___init____lt_listcomp_gt_ fun_data_shapes_Shape___init____lt_listcomp_gt_[0]
#endif

static const mp_raw_code_t *const children_shapes_Shape___init__[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_Shape___init____lt_listcomp_gt_,
};

static const mp_raw_code_truncated_t proto_fun_shapes_Shape___init__ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Shape___init__,
    .children = (void *)&children_shapes_Shape___init__,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 35,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 7,
        .n_exc_stack = 0,
        .scope_flags = 14,
        .n_pos_args = 2,
        .n_kwonly_args = 1,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 14,
        .line_info = fun_data_shapes_Shape___init__ + 10,
        .line_info_top = fun_data_shapes_Shape___init__ + 14,
        .opcodes = fun_data_shapes_Shape___init__ + 15,
    },
    #endif
    #endif
};

// child of shapes_Shape
// frozen bytecode for file shapes.py, scope shapes_Shape_area
static const byte fun_data_shapes_Shape_area[17] = {
    0x19,0x08, // prelude
    0x07,0x30, // names: area, self
    0x80,0x14, // code info
    0x12,0x2b, // LOAD_GLOBAL 'NotImplementedError'
    0x10,0x12, // LOAD_CONST_STRING 'area of '
    0xb0, // LOAD_FAST 0
    0x13,0x0f, // LOAD_ATTR 'name'
    0xf2, // BINARY_OP 27 __add__
    0x34,0x01, // CALL_FUNCTION 1
    0x65, // RAISE_OBJ
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_Shape_area = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Shape_area,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 17,
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
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 7,
        .line_info = fun_data_shapes_Shape_area + 4,
        .line_info_top = fun_data_shapes_Shape_area + 6,
        .opcodes = fun_data_shapes_Shape_area + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_Shape_area fun_data_shapes_Shape_area[0]
#endif

// child of shapes_Shape
// frozen bytecode for file shapes.py, scope shapes_Shape___repr__
static const byte fun_data_shapes_Shape___repr__[30] = {
    0x39,0x08, // prelude
    0x13,0x30, // names: __repr__, self
    0x80,0x17, // code info
    0x10,0x14, // LOAD_CONST_STRING '{}({})'
    0x14,0x15, // LOAD_METHOD 'format'
    0xb0, // LOAD_FAST 0
    0x13,0x0f, // LOAD_ATTR 'name'
    0x10,0x16, // LOAD_CONST_STRING ', '
    0x14,0x17, // LOAD_METHOD 'join'
    0x32,0x00, // MAKE_FUNCTION 0
    0xb0, // LOAD_FAST 0
    0x13,0x10, // LOAD_ATTR 'dims'
    0x5e, // GET_ITER
    0x34,0x01, // CALL_FUNCTION 1
    0x36,0x01, // CALL_METHOD 1
    0x36,0x02, // CALL_METHOD 2
    0x63, // RETURN_VALUE
};
// child of shapes_Shape___repr__
// frozen bytecode for file shapes.py, scope shapes_Shape___repr____lt_genexpr_gt_
static const byte fun_data_shapes_Shape___repr____lt_genexpr_gt_[25] = {
    0xb9,0x40,0x08, // prelude
    0x1a,0x31, // names: <genexpr>, *
    0x80,0x17, // code info
    0x53, // LOAD_NULL
    0xb0, // LOAD_FAST 0
    0x53, // LOAD_NULL
    0x53, // LOAD_NULL
    0x4b,0x0a, // FOR_ITER 10
    0xc1, // STORE_FAST 1
    0x12,0x2c, // LOAD_GLOBAL 'str'
    0xb1, // LOAD_FAST 1
    0x34,0x01, // CALL_FUNCTION 1
    0x67, // YIELD_VALUE
    0x59, // POP_TOP
    0x42,0x34, // JUMP -12
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_Shape___repr____lt_genexpr_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 1,
    .fun_data = fun_data_shapes_Shape___repr____lt_genexpr_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 25,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 8,
        .n_exc_stack = 0,
        .scope_flags = 1,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 26,
        .line_info = fun_data_shapes_Shape___repr____lt_genexpr_gt_ + 5,
        .line_info_top = fun_data_shapes_Shape___repr____lt_genexpr_gt_ + 7,
        .opcodes = fun_data_shapes_Shape___repr____lt_genexpr_gt_ + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_Shape___repr____lt_genexpr_gt_ fun_data_shapes_Shape___repr____lt_genexpr_gt_[0]
#endif

static const mp_raw_code_t *const children_shapes_Shape___repr__[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_Shape___repr____lt_genexpr_gt_,
};

static const mp_raw_code_truncated_t proto_fun_shapes_Shape___repr__ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Shape___repr__,
    .children = (void *)&children_shapes_Shape___repr__,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 30,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 8,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 19,
        .line_info = fun_data_shapes_Shape___repr__ + 4,
        .line_info_top = fun_data_shapes_Shape___repr__ + 6,
        .opcodes = fun_data_shapes_Shape___repr__ + 6,
    },
    #endif
    #endif
};

static const mp_raw_code_t *const children_shapes_Shape[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_Shape___init__,
    (const mp_raw_code_t *)&proto_fun_shapes_Shape_area,
    (const mp_raw_code_t *)&proto_fun_shapes_Shape___repr__,
};

static const mp_raw_code_truncated_t proto_fun_shapes_Shape = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Shape,
    .children = (void *)&children_shapes_Shape,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 41,
    .n_children = 3,
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
        .qstr_block_name_idx = 2,
        .line_info = fun_data_shapes_Shape + 3,
        .line_info_top = fun_data_shapes_Shape + 9,
        .opcodes = fun_data_shapes_Shape + 9,
    },
    #endif
    #endif
};

// child of shapes__lt_module_gt_
// frozen bytecode for file shapes.py, scope shapes_Rect
static const byte fun_data_shapes_Rect[23] = {
    0x00,0x08, // prelude
    0x03, // names: Rect
    0x88,0x1b,0x43, // code info
    0x11,0x25, // LOAD_NAME '__name__'
    0x16,0x26, // STORE_NAME '__module__'
    0x10,0x03, // LOAD_CONST_STRING 'Rect'
    0x16,0x27, // STORE_NAME '__qualname__'
    0x84, // LOAD_CONST_SMALL_INT 4
    0x16,0x28, // STORE_NAME 'sides'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x07, // STORE_NAME 'area'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of shapes_Rect
// frozen bytecode for file shapes.py, scope shapes_Rect_area
static const byte fun_data_shapes_Rect_area[18] = {
    0x21,0x0a, // prelude
    0x07,0x30, // names: area, self
    0x80,0x1e,0x27, // code info
    0xb0, // LOAD_FAST 0
    0x13,0x10, // LOAD_ATTR 'dims'
    0x30,0x02, // UNPACK_SEQUENCE 2
    0xc1, // STORE_FAST 1
    0xc2, // STORE_FAST 2
    0xb1, // LOAD_FAST 1
    0xb2, // LOAD_FAST 2
    0xf4, // BINARY_OP 29 __mul__
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_Rect_area = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Rect_area,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 18,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 5,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 7,
        .line_info = fun_data_shapes_Rect_area + 4,
        .line_info_top = fun_data_shapes_Rect_area + 7,
        .opcodes = fun_data_shapes_Rect_area + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_Rect_area fun_data_shapes_Rect_area[0]
#endif

static const mp_raw_code_t *const children_shapes_Rect[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_Rect_area,
};

static const mp_raw_code_truncated_t proto_fun_shapes_Rect = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_Rect,
    .children = (void *)&children_shapes_Rect,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 23,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 3,
        .line_info = fun_data_shapes_Rect + 3,
        .line_info_top = fun_data_shapes_Rect + 6,
        .opcodes = fun_data_shapes_Rect + 6,
    },
    #endif
    #endif
};

// child of shapes__lt_module_gt_
// frozen bytecode for file shapes.py, scope shapes_counter
static const byte fun_data_shapes_counter[28] = {
    0x99,0x40,0x0e, // prelude
    0x05,0x29, // names: counter, limit
    0x80,0x23,0x22,0x22,0x23, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0xc1, // STORE_FAST 1
    0x42,0x47, // JUMP 7
    0xb1, // LOAD_FAST 1
    0x67, // YIELD_VALUE
    0x59, // POP_TOP
    0xb1, // LOAD_FAST 1
    0x81, // LOAD_CONST_SMALL_INT 1
    0xe5, // BINARY_OP 14 __iadd__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0xb0, // LOAD_FAST 0
    0xd7, // BINARY_OP 0 __lt__
    0x43,0x34, // POP_JUMP_IF_TRUE -12
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_counter = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 1,
    .fun_data = fun_data_shapes_counter,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 28,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 4,
        .n_exc_stack = 0,
        .scope_flags = 1,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 5,
        .line_info = fun_data_shapes_counter + 5,
        .line_info_top = fun_data_shapes_counter + 10,
        .opcodes = fun_data_shapes_counter + 10,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_counter fun_data_shapes_counter[0]
#endif

// child of shapes__lt_module_gt_
// frozen bytecode for file shapes.py, scope shapes_safe_area
static const byte fun_data_shapes_safe_area[47] = {
    0xbd,0x02,0x0e, // prelude
    0x06,0x2a, // names: safe_area, shape
    0x80,0x2a,0x24,0x4f,0x4f, // code info
    0x49,0x20, // SETUP_FINALLY 32
    0x48,0x06, // SETUP_EXCEPT 6
    0xb0, // LOAD_FAST 0
    0x14,0x07, // LOAD_METHOD 'area'
    0x36,0x00, // CALL_METHOD 0
    0x63, // RETURN_VALUE
    0x57, // DUP_TOP
    0x12,0x2b, // LOAD_GLOBAL 'NotImplementedError'
    0xdf, // BINARY_OP 8 <exception match>
    0x44,0x50, // POP_JUMP_IF_FALSE 16
    0xc1, // STORE_FAST 1
    0x49,0x06, // SETUP_FINALLY 6
    0x12,0x2c, // LOAD_GLOBAL 'str'
    0xb1, // LOAD_FAST 1
    0x34,0x01, // CALL_FUNCTION 1
    0x63, // RETURN_VALUE
    0x51, // LOAD_CONST_NONE
    0xc1, // STORE_FAST 1
    0x28,0x01, // DELETE_FAST 1
    0x5d, // END_FINALLY
    0x4a,0x01, // POP_EXCEPT_JUMP 1
    0x5d, // END_FINALLY
    0x51, // LOAD_CONST_NONE
    0x5d, // END_FINALLY
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_safe_area = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_safe_area,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 47,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 8,
        .n_exc_stack = 3,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 6,
        .line_info = fun_data_shapes_safe_area + 5,
        .line_info_top = fun_data_shapes_safe_area + 10,
        .opcodes = fun_data_shapes_safe_area + 10,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_safe_area fun_data_shapes_safe_area[0]
#endif

// child of shapes__lt_module_gt_
// frozen bytecode for file shapes.py, scope shapes_make_adder
static const byte fun_data_shapes_make_adder[15] = {
    0x11,0x0b, // prelude
    0x08,0x2d, // names: make_adder, k
    0x80,0x33,0x65,0x00, // code info
    0xb0, // LOAD_FAST 0
    0x20,0x00,0x01, // MAKE_CLOSURE 0
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x63, // RETURN_VALUE
};
// child of shapes_make_adder
// frozen bytecode for file shapes.py, scope shapes_make_adder_add
static const byte fun_data_shapes_make_adder_add[12] = {
    0x1a,0x0a, // prelude
    0x18,0x31,0x32, // names: add, *, x
    0x80,0x34, // code info
    0xb1, // LOAD_FAST 1
    0x25,0x00, // LOAD_DEREF 0
    0xf2, // BINARY_OP 27 __add__
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_make_adder_add = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_make_adder_add,
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
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 24,
        .line_info = fun_data_shapes_make_adder_add + 5,
        .line_info_top = fun_data_shapes_make_adder_add + 7,
        .opcodes = fun_data_shapes_make_adder_add + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_make_adder_add fun_data_shapes_make_adder_add[0]
#endif

static const mp_raw_code_t *const children_shapes_make_adder[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_make_adder_add,
};

static const mp_raw_code_truncated_t proto_fun_shapes_make_adder = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_make_adder,
    .children = (void *)&children_shapes_make_adder,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 15,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 8,
        .line_info = fun_data_shapes_make_adder + 4,
        .line_info_top = fun_data_shapes_make_adder + 7,
        .opcodes = fun_data_shapes_make_adder + 8,
    },
    #endif
    #endif
};

// child of shapes__lt_module_gt_
// frozen bytecode for file shapes.py, scope shapes_summary
static const byte fun_data_shapes_summary[110] = {
    0x50,0x14, // prelude
    0x09, // names: summary
    0x80,0x3a,0x3d,0x26,0x2f,0x29,0x25,0x22,0x2d, // code info
    0x12,0x03, // LOAD_GLOBAL 'Rect'
    0x10,0x0a, // LOAD_CONST_STRING 'rect'
    0x82, // LOAD_CONST_SMALL_INT 2
    0x83, // LOAD_CONST_SMALL_INT 3
    0x34,0x03, // CALL_FUNCTION 3
    0x12,0x03, // LOAD_GLOBAL 'Rect'
    0x10,0x0b, // LOAD_CONST_STRING 'square'
    0x82, // LOAD_CONST_SMALL_INT 2
    0x82, // LOAD_CONST_SMALL_INT 2
    0x10,0x04, // LOAD_CONST_STRING 'scale'
    0x83, // LOAD_CONST_SMALL_INT 3
    0x34,0x82,0x03, // CALL_FUNCTION 259
    0x12,0x02, // LOAD_GLOBAL 'Shape'
    0x10,0x0c, // LOAD_CONST_STRING 'blob'
    0x34,0x01, // CALL_FUNCTION 1
    0x2b,0x03, // BUILD_LIST 3
    0xc0, // STORE_FAST 0
    0x32,0x00, // MAKE_FUNCTION 0
    0xb0, // LOAD_FAST 0
    0x34,0x01, // CALL_FUNCTION 1
    0xc1, // STORE_FAST 1
    0x12,0x2e, // LOAD_GLOBAL 'sum'
    0x32,0x01, // MAKE_FUNCTION 1
    0xb1, // LOAD_FAST 1
    0x14,0x0d, // LOAD_METHOD 'values'
    0x36,0x00, // CALL_METHOD 0
    0x5e, // GET_ITER
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0xc2, // STORE_FAST 2
    0x12,0x05, // LOAD_GLOBAL 'counter'
    0x83, // LOAD_CONST_SMALL_INT 3
    0x34,0x01, // CALL_FUNCTION 1
    0x5f, // GET_ITER_STACK
    0x4b,0x15, // FOR_ITER 21
    0xc3, // STORE_FAST 3
    0xb3, // LOAD_FAST 3
    0x81, // LOAD_CONST_SMALL_INT 1
    0xd9, // BINARY_OP 2 __eq__
    0x44,0x42, // POP_JUMP_IF_FALSE 2
    0x42,0x36, // JUMP -10
    0xb2, // LOAD_FAST 2
    0x12,0x08, // LOAD_GLOBAL 'make_adder'
    0xb3, // LOAD_FAST 3
    0x34,0x01, // CALL_FUNCTION 1
    0x8a, // LOAD_CONST_SMALL_INT 10
    0x34,0x01, // CALL_FUNCTION 1
    0xe5, // BINARY_OP 14 __iadd__
    0xc2, // STORE_FAST 2
    0x42,0x29, // JUMP -23
    0xb1, // LOAD_FAST 1
    0xb2, // LOAD_FAST 2
    0x12,0x2f, // LOAD_GLOBAL 'len'
    0x12,0x23, // LOAD_GLOBAL 'PAIR'
    0x34,0x01, // CALL_FUNCTION 1
    0x12,0x1d, // LOAD_GLOBAL 'BIG'
    0x22,0x87,0x68, // LOAD_CONST_SMALL_INT 1000
    0xf8, // BINARY_OP 33 __mod__
    0x2d,0x02, // BUILD_SET 2
    0x2a,0x03, // BUILD_TUPLE 3
    0x63, // RETURN_VALUE
};
// child of shapes_summary
// frozen bytecode for file shapes.py, scope shapes_summary__lt_dictcomp_gt_
static const byte fun_data_shapes_summary__lt_dictcomp_gt_[26] = {
    0x41,0x08, // prelude
    0x19,0x31, // names: <dictcomp>, *
    0x80,0x3b, // code info
    0x2c,0x00, // BUILD_MAP 0
    0xb0, // LOAD_FAST 0
    0x5f, // GET_ITER_STACK
    0x4b,0x0d, // FOR_ITER 13
    0xc1, // STORE_FAST 1
    0x12,0x06, // LOAD_GLOBAL 'safe_area'
    0xb1, // LOAD_FAST 1
    0x34,0x01, // CALL_FUNCTION 1
    0xb1, // LOAD_FAST 1
    0x13,0x0f, // LOAD_ATTR 'name'
    0x2f,0x19, // STORE_COMP 25
    0x42,0x31, // JUMP -15
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_summary__lt_dictcomp_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_summary__lt_dictcomp_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 26,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 9,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 25,
        .line_info = fun_data_shapes_summary__lt_dictcomp_gt_ + 4,
        .line_info_top = fun_data_shapes_summary__lt_dictcomp_gt_ + 6,
        .opcodes = fun_data_shapes_summary__lt_dictcomp_gt_ + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_summary__lt_dictcomp_gt_ fun_data_shapes_summary__lt_dictcomp_gt_[0]
#endif

// child of shapes_summary
// frozen bytecode for file shapes.py, scope shapes_summary__lt_genexpr_gt_
static const byte fun_data_shapes_summary__lt_genexpr_gt_[30] = {
    0xc1,0x40,0x08, // prelude
    0x1a,0x31, // names: <genexpr>, *
    0x80,0x3c, // code info
    0x53, // LOAD_NULL
    0xb0, // LOAD_FAST 0
    0x53, // LOAD_NULL
    0x53, // LOAD_NULL
    0x4b,0x0f, // FOR_ITER 15
    0xc1, // STORE_FAST 1
    0x12,0x33, // LOAD_GLOBAL 'isinstance'
    0xb1, // LOAD_FAST 1
    0x12,0x34, // LOAD_GLOBAL 'int'
    0x34,0x02, // CALL_FUNCTION 2
    0x44,0x34, // POP_JUMP_IF_FALSE -12
    0xb1, // LOAD_FAST 1
    0x67, // YIELD_VALUE
    0x59, // POP_TOP
    0x42,0x2f, // JUMP -17
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_shapes_summary__lt_genexpr_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 1,
    .fun_data = fun_data_shapes_summary__lt_genexpr_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 30,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 9,
        .n_exc_stack = 0,
        .scope_flags = 1,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 26,
        .line_info = fun_data_shapes_summary__lt_genexpr_gt_ + 5,
        .line_info_top = fun_data_shapes_summary__lt_genexpr_gt_ + 7,
        .opcodes = fun_data_shapes_summary__lt_genexpr_gt_ + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_shapes_summary__lt_genexpr_gt_ fun_data_shapes_summary__lt_genexpr_gt_[0]
#endif

static const mp_raw_code_t *const children_shapes_summary[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_summary__lt_dictcomp_gt_,
    (const mp_raw_code_t *)&proto_fun_shapes_summary__lt_genexpr_gt_,
};

static const mp_raw_code_truncated_t proto_fun_shapes_summary = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes_summary,
    .children = (void *)&children_shapes_summary,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 110,
    .n_children = 2,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 11,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 9,
        .line_info = fun_data_shapes_summary + 3,
        .line_info_top = fun_data_shapes_summary + 12,
        .opcodes = fun_data_shapes_summary + 12,
    },
    #endif
    #endif
};

static const mp_raw_code_t *const children_shapes__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_shapes_Shape,
    (const mp_raw_code_t *)&proto_fun_shapes_Rect,
    (const mp_raw_code_t *)&proto_fun_shapes_counter,
    (const mp_raw_code_t *)&proto_fun_shapes_safe_area,
    (const mp_raw_code_t *)&proto_fun_shapes_make_adder,
    (const mp_raw_code_t *)&proto_fun_shapes_summary,
};

static const mp_raw_code_truncated_t proto_fun_shapes__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_shapes__lt_module_gt_,
    .children = (void *)&children_shapes__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 103,
    .n_children = 6,
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
        .line_info = fun_data_shapes__lt_module_gt_ + 3,
        .line_info_top = fun_data_shapes__lt_module_gt_ + 24,
        .opcodes = fun_data_shapes__lt_module_gt_ + 24,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_shapes[53] = {
    MP_QSTR_shapes_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_Shape,
    MP_QSTR_Rect,
    MP_QSTR_scale,
    MP_QSTR_counter,
    MP_QSTR_safe_area,
    MP_QSTR_area,
    MP_QSTR_make_adder,
    MP_QSTR_summary,
    MP_QSTR_rect,
    MP_QSTR_square,
    MP_QSTR_blob,
    MP_QSTR_values,
    MP_QSTR___init__,
    MP_QSTR_name,
    MP_QSTR_dims,
    MP_QSTR_extra,
    MP_QSTR_area_space_of_space_,
    MP_QSTR___repr__,
    MP_QSTR__brace_open__brace_close__paren_open__brace_open__brace_close__paren_close_,
    MP_QSTR_format,
    MP_QSTR__comma__space_,
    MP_QSTR_join,
    MP_QSTR_add,
    MP_QSTR__lt_dictcomp_gt_,
    MP_QSTR__lt_genexpr_gt_,
    MP_QSTR__lt_listcomp_gt_,
    MP_QSTR_PI_ISH,
    MP_QSTR_BIG,
    MP_QSTR_NEG_BIG,
    MP_QSTR_RATIO,
    MP_QSTR_ROOT,
    MP_QSTR_MAGIC,
    MP_QSTR_LONG_TEXT,
    MP_QSTR_PAIR,
    MP_QSTR_print,
    MP_QSTR___name__,
    MP_QSTR___module__,
    MP_QSTR___qualname__,
    MP_QSTR_sides,
    MP_QSTR_limit,
    MP_QSTR_shape,
    MP_QSTR_NotImplementedError,
    MP_QSTR_str,
    MP_QSTR_k,
    MP_QSTR_sum,
    MP_QSTR_len,
    MP_QSTR_self,
    MP_QSTR__star_,
    MP_QSTR_x,
    MP_QSTR_isinstance,
    MP_QSTR_int,
};

// constants
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_shapes_0 = {{&mp_type_float}, (mp_float_t)3.25};
#define const_obj_shapes_0_macro MP_ROM_PTR(&const_obj_shapes_0)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_shapes_0_macro ((mp_rom_obj_t)(0xc0d00002))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_shapes_0_macro ((mp_rom_obj_t)(0xc00e000000000000))
#endif
static const mp_obj_int_t const_obj_shapes_1 = {{&mp_type_int}, {.neg=0, .fixed_dig=1, .alloc=7, .len=7, .dig=(uint16_t*)(const uint16_t[]){0xad2,0x4e3f,0xe0ee,0xc373,0xff6,0x8ee9,0x1}}};
static const mp_obj_int_t const_obj_shapes_2 = {{&mp_type_int}, {.neg=1, .fixed_dig=1, .alloc=5, .len=5, .dig=(uint16_t*)(const uint16_t[]){0x7eea,0xe526,0x4d38,0x5aa5,0x5}}};
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_shapes_3 = {{&mp_type_float}, (mp_float_t)0.0025};
#define const_obj_shapes_3_macro MP_ROM_PTR(&const_obj_shapes_3)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_shapes_3_macro ((mp_rom_obj_t)(0xbba3d70a))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_shapes_3_macro ((mp_rom_obj_t)(0xbf687ae147ae147b))
#endif
static const mp_obj_complex_t const_obj_shapes_4 = {{&mp_type_complex}, (mp_float_t)0, (mp_float_t)1.5};
static const mp_obj_str_t const_obj_shapes_5 = {{&mp_type_bytes}, 95, 6, (const byte*)"\x00\x01\x6d\x70\x79\xff"};
static const mp_obj_str_t const_obj_shapes_6 = {{&mp_type_str}, 110, 50, (const byte*)"\x74\x68\x69\x73\x20\x73\x74\x72\x69\x6e\x67\x20\x69\x73\x20\x6c\x6f\x6e\x67\x20\x65\x6e\x6f\x75\x67\x68\x20\x74\x6f\x20\x62\x65\x20\x61\x20\x63\x6f\x6e\x73\x74\x61\x6e\x74\x20\x6f\x62\x6a\x65\x63\x74"};
static const mp_obj_str_t const_obj_shapes_7_2 = {{&mp_type_bytes}, 148, 1, (const byte*)"\x31"};
static const mp_rom_obj_tuple_t const_obj_shapes_7 = {{&mp_type_tuple}, 6, {
    MP_ROM_INT(1),
    MP_ROM_QSTR(MP_QSTR_one),
    MP_ROM_PTR(&const_obj_shapes_7_2),
    MP_ROM_NONE,
    MP_ROM_TRUE,
    MP_ROM_PTR(&mp_const_ellipsis_obj),
}};

// constant table
static const mp_rom_obj_t const_obj_table_data_shapes[8] = {
    const_obj_shapes_0_macro,
    MP_ROM_PTR(&const_obj_shapes_1),
    MP_ROM_PTR(&const_obj_shapes_2),
    const_obj_shapes_3_macro,
    MP_ROM_PTR(&const_obj_shapes_4),
    MP_ROM_PTR(&const_obj_shapes_5),
    MP_ROM_PTR(&const_obj_shapes_6),
    MP_ROM_PTR(&const_obj_shapes_7),
};

static const mp_frozen_module_t frozen_module_shapes = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_shapes,
        .obj_table = (mp_obj_t *)&const_obj_table_data_shapes,
    },
    .proto_fun = &proto_fun_shapes__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module part_one
// - original source file: part_one.mpy
// - frozen file name: part_one.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file part_one.py, scope part_one__lt_module_gt_
static const byte fun_data_part_one__lt_module_gt_[32] = {
    0x10,0x08, // prelude
    0x01, // names: <module>
    0x20,0x24,0x2b, // code info
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x16,0x03, // STORE_NAME 'GREETING'
    0x32,0x00, // MAKE_FUNCTION 0
    0x11,0x04, // LOAD_NAME 'range'
    0x85, // LOAD_CONST_SMALL_INT 5
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0x16,0x05, // STORE_NAME 'values'
    0x11,0x06, // LOAD_NAME 'print'
    0x11,0x03, // LOAD_NAME 'GREETING'
    0x11,0x05, // LOAD_NAME 'values'
    0x34,0x02, // CALL_FUNCTION 2
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of part_one__lt_module_gt_
// frozen bytecode for file part_one.py, scope part_one__lt_listcomp_gt_
static const byte fun_data_part_one__lt_listcomp_gt_[20] = {
    0x41,0x06, // prelude
    0x02,0x07, // names: <listcomp>, *
    0x40, // code info
    0x2b,0x00, // BUILD_LIST 0
    0xb0, // LOAD_FAST 0
    0x5f, // GET_ITER_STACK
    0x4b,0x08, // FOR_ITER 8
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0xb1, // LOAD_FAST 1
    0xf4, // BINARY_OP 29 __mul__
    0x2f,0x14, // STORE_COMP 20
    0x42,0x36, // JUMP -10
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_part_one__lt_listcomp_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_one__lt_listcomp_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 20,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 9,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 2,
        .line_info = fun_data_part_one__lt_listcomp_gt_ + 4,
        .line_info_top = fun_data_part_one__lt_listcomp_gt_ + 5,
        .opcodes = fun_data_part_one__lt_listcomp_gt_ + 5,
    },
    #endif
    #endif
};
#else
#define proto_fun_part_one__lt_listcomp_gt_ fun_data_part_one__lt_listcomp_gt_[0]
#endif

static const mp_raw_code_t *const children_part_one__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_part_one__lt_listcomp_gt_,
};

static const mp_raw_code_truncated_t proto_fun_part_one__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_one__lt_module_gt_,
    .children = (void *)&children_part_one__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 32,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_part_one__lt_module_gt_ + 3,
        .line_info_top = fun_data_part_one__lt_module_gt_ + 6,
        .opcodes = fun_data_part_one__lt_module_gt_ + 6,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_part_one[8] = {
    MP_QSTR_part_one_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR__lt_listcomp_gt_,
    MP_QSTR_GREETING,
    MP_QSTR_range,
    MP_QSTR_values,
    MP_QSTR_print,
    MP_QSTR__star_,
};

// constants

// constant table
static const mp_rom_obj_t const_obj_table_data_part_one[1] = {
    MP_ROM_QSTR(MP_QSTR_hello_space_from_space_part_space_one),
};

static const mp_frozen_module_t frozen_module_part_one = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_part_one,
        .obj_table = (mp_obj_t *)&const_obj_table_data_part_one,
    },
    .proto_fun = &proto_fun_part_one__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module part_two
// - original source file: part_two.mpy
// - frozen file name: part_two.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file part_two.py, scope part_two__lt_module_gt_
static const byte fun_data_part_two__lt_module_gt_[36] = {
    0x18,0x0a, // prelude
    0x01, // names: <module>
    0x20,0x84,0x0c,0x24, // code info
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x02, // STORE_NAME 'classify'
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x16,0x08, // STORE_NAME 'big'
    0x11,0x09, // LOAD_NAME 'print'
    0x32,0x01, // MAKE_FUNCTION 1
    0x23,0x01, // LOAD_CONST_OBJ 1
    0x34,0x01, // CALL_FUNCTION 1
    0x11,0x08, // LOAD_NAME 'big'
    0x22,0x80,0x61, // LOAD_CONST_SMALL_INT 97
    0xf8, // BINARY_OP 33 __mod__
    0x23,0x02, // LOAD_CONST_OBJ 2
    0x34,0x03, // CALL_FUNCTION 3
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of part_two__lt_module_gt_
// frozen bytecode for file part_two.py, scope part_two_classify
static const byte fun_data_part_two_classify[60] = {
    0x49,0x16, // prelude
    0x02,0x0a, // names: classify, n
    0x40,0x25,0x23,0x25,0x23,0x23,0x26,0x27,0x29, // code info
    0xb0, // LOAD_FAST 0
    0x80, // LOAD_CONST_SMALL_INT 0
    0xd7, // BINARY_OP 0 __lt__
    0x44,0x43, // POP_JUMP_IF_FALSE 3
    0x10,0x03, // LOAD_CONST_STRING 'negative'
    0x63, // RETURN_VALUE
    0xb0, // LOAD_FAST 0
    0x80, // LOAD_CONST_SMALL_INT 0
    0xd9, // BINARY_OP 2 __eq__
    0x44,0x43, // POP_JUMP_IF_FALSE 3
    0x10,0x04, // LOAD_CONST_STRING 'zero'
    0x63, // RETURN_VALUE
    0x2b,0x00, // BUILD_LIST 0
    0xc1, // STORE_FAST 1
    0x23,0x03, // LOAD_CONST_OBJ 3
    0x5f, // GET_ITER_STACK
    0x4b,0x11, // FOR_ITER 17
    0xc2, // STORE_FAST 2
    0xb0, // LOAD_FAST 0
    0xb2, // LOAD_FAST 2
    0xf8, // BINARY_OP 33 __mod__
    0x80, // LOAD_CONST_SMALL_INT 0
    0xd9, // BINARY_OP 2 __eq__
    0x44,0x47, // POP_JUMP_IF_FALSE 7
    0xb1, // LOAD_FAST 1
    0x14,0x05, // LOAD_METHOD 'append'
    0xb2, // LOAD_FAST 2
    0x36,0x01, // CALL_METHOD 1
    0x59, // POP_TOP
    0x42,0x2d, // JUMP -19
    0xb1, // LOAD_FAST 1
    0x45,0x02, // JUMP_IF_TRUE_OR_POP 2
    0x10,0x06, // LOAD_CONST_STRING 'other'
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_part_two_classify = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_two_classify,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 60,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 10,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 2,
        .line_info = fun_data_part_two_classify + 4,
        .line_info_top = fun_data_part_two_classify + 13,
        .opcodes = fun_data_part_two_classify + 13,
    },
    #endif
    #endif
};
#else
#define proto_fun_part_two_classify fun_data_part_two_classify[0]
#endif

// child of part_two__lt_module_gt_
// frozen bytecode for file part_two.py, scope part_two__lt_listcomp_gt_
static const byte fun_data_part_two__lt_listcomp_gt_[23] = {
    0x41,0x08, // prelude
    0x07,0x0b, // names: <listcomp>, *
    0x80,0x0e, // code info
    0x2b,0x00, // BUILD_LIST 0
    0xb0, // LOAD_FAST 0
    0x5f, // GET_ITER_STACK
    0x4b,0x0a, // FOR_ITER 10
    0xc1, // STORE_FAST 1
    0x12,0x02, // LOAD_GLOBAL 'classify'
    0xb1, // LOAD_FAST 1
    0x34,0x01, // CALL_FUNCTION 1
    0x2f,0x14, // STORE_COMP 20
    0x42,0x34, // JUMP -12
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_part_two__lt_listcomp_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_two__lt_listcomp_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 23,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 9,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 7,
        .line_info = fun_data_part_two__lt_listcomp_gt_ + 4,
        .line_info_top = fun_data_part_two__lt_listcomp_gt_ + 6,
        .opcodes = fun_data_part_two__lt_listcomp_gt_ + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_part_two__lt_listcomp_gt_ fun_data_part_two__lt_listcomp_gt_[0]
#endif

static const mp_raw_code_t *const children_part_two__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_part_two_classify,
    (const mp_raw_code_t *)&proto_fun_part_two__lt_listcomp_gt_,
};

static const mp_raw_code_truncated_t proto_fun_part_two__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_two__lt_module_gt_,
    .children = (void *)&children_part_two__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 36,
    .n_children = 2,
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
        .line_info = fun_data_part_two__lt_module_gt_ + 3,
        .line_info_top = fun_data_part_two__lt_module_gt_ + 7,
        .opcodes = fun_data_part_two__lt_module_gt_ + 7,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_part_two[12] = {
    MP_QSTR_part_two_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_classify,
    MP_QSTR_negative,
    MP_QSTR_zero,
    MP_QSTR_append,
    MP_QSTR_other,
    MP_QSTR__lt_listcomp_gt_,
    MP_QSTR_big,
    MP_QSTR_print,
    MP_QSTR_n,
    MP_QSTR__star_,
};

// constants
static const mp_obj_int_t const_obj_part_two_0 = {{&mp_type_int}, {.neg=0, .fixed_dig=1, .alloc=6, .len=6, .dig=(uint16_t*)(const uint16_t[]){0x7,0x0,0x0,0x0,0x0,0x1}}};
static const mp_rom_obj_tuple_t const_obj_part_two_1 = {{&mp_type_tuple}, 4, {
    MP_ROM_INT(-4),
    MP_ROM_INT(0),
    MP_ROM_INT(7),
    MP_ROM_INT(30),
}};
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_part_two_2 = {{&mp_type_float}, (mp_float_t)5};
#define const_obj_part_two_2_macro MP_ROM_PTR(&const_obj_part_two_2)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_part_two_2_macro ((mp_rom_obj_t)(0xc1200002))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_part_two_2_macro ((mp_rom_obj_t)(0xc018000000000000))
#endif
static const mp_rom_obj_tuple_t const_obj_part_two_3 = {{&mp_type_tuple}, 3, {
    MP_ROM_INT(2),
    MP_ROM_INT(3),
    MP_ROM_INT(5),
}};

// constant table
static const mp_rom_obj_t const_obj_table_data_part_two[4] = {
    MP_ROM_PTR(&const_obj_part_two_0),
    MP_ROM_PTR(&const_obj_part_two_1),
    const_obj_part_two_2_macro,
    MP_ROM_PTR(&const_obj_part_two_3),
};

static const mp_frozen_module_t frozen_module_part_two = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_part_two,
        .obj_table = (mp_obj_t *)&const_obj_table_data_part_two,
    },
    .proto_fun = &proto_fun_part_two__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module part_three
// - original source file: part_three.mpy
// - frozen file name: part_three.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file part_three.py, scope part_three__lt_module_gt_
static const byte fun_data_part_three__lt_module_gt_[76] = {
    0x2c,0x14, // prelude
    0x01, // names: <module>
    0x20,0x89,0x0a,0x84,0x10,0x27,0x29,0x22,0x55, // code info
    0x54, // LOAD_BUILD_CLASS
    0x32,0x00, // MAKE_FUNCTION 0
    0x10,0x02, // LOAD_CONST_STRING 'Ctx'
    0x34,0x02, // CALL_FUNCTION 2
    0x16,0x02, // STORE_NAME 'Ctx'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x05, // STORE_NAME 'long_function'
    0x11,0x02, // LOAD_NAME 'Ctx'
    0x34,0x00, // CALL_FUNCTION 0
    0x47,0x08, // SETUP_WITH 8
    0x59, // POP_TOP
    0x11,0x0a, // LOAD_NAME 'ValueError'
    0x10,0x03, // LOAD_CONST_STRING 'swallowed'
    0x34,0x01, // CALL_FUNCTION 1
    0x65, // RAISE_OBJ
    0x5c, // WITH_CLEANUP
    0x5d, // END_FINALLY
    0x48,0x0e, // SETUP_EXCEPT 14
    0x11,0x0b, // LOAD_NAME 'print'
    0x11,0x05, // LOAD_NAME 'long_function'
    0x22,0x80,0x64, // LOAD_CONST_SMALL_INT 100
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0x4a,0x11, // POP_EXCEPT_JUMP 17
    0x57, // DUP_TOP
    0x11,0x0c, // LOAD_NAME 'ZeroDivisionError'
    0xdf, // BINARY_OP 8 <exception match>
    0x44,0x4a, // POP_JUMP_IF_FALSE 10
    0x59, // POP_TOP
    0x11,0x0b, // LOAD_NAME 'print'
    0x10,0x04, // LOAD_CONST_STRING 'no'
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0x4a,0x01, // POP_EXCEPT_JUMP 1
    0x5d, // END_FINALLY
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of part_three__lt_module_gt_
// frozen bytecode for file part_three.py, scope part_three_Ctx
static const byte fun_data_part_three_Ctx[24] = {
    0x00,0x08, // prelude
    0x02, // names: Ctx
    0x48,0x64,0x20, // code info
    0x11,0x0d, // LOAD_NAME '__name__'
    0x16,0x0e, // STORE_NAME '__module__'
    0x10,0x02, // LOAD_CONST_STRING 'Ctx'
    0x16,0x0f, // STORE_NAME '__qualname__'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x06, // STORE_NAME '__enter__'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x08, // STORE_NAME '__exit__'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of part_three_Ctx
// frozen bytecode for file part_three.py, scope part_three_Ctx___enter__
static const byte fun_data_part_three_Ctx___enter__[15] = {
    0x11,0x08, // prelude
    0x06,0x20, // names: __enter__, self
    0x60,0x27, // code info
    0x12,0x0b, // LOAD_GLOBAL 'print'
    0x10,0x07, // LOAD_CONST_STRING 'enter'
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0xb0, // LOAD_FAST 0
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_part_three_Ctx___enter__ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_three_Ctx___enter__,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 15,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 6,
        .line_info = fun_data_part_three_Ctx___enter__ + 4,
        .line_info_top = fun_data_part_three_Ctx___enter__ + 6,
        .opcodes = fun_data_part_three_Ctx___enter__ + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_part_three_Ctx___enter__ fun_data_part_three_Ctx___enter__[0]
#endif

// child of part_three_Ctx
// frozen bytecode for file part_three.py, scope part_three_Ctx___exit__
static const byte fun_data_part_three_Ctx___exit__[25] = {
    0xa9,0x80,0x80,0x40,0x0a, // prelude
    0x08,0x20, // names: __exit__, self
    0x80,0x07,0x2d, // code info
    0x12,0x0b, // LOAD_GLOBAL 'print'
    0x10,0x09, // LOAD_CONST_STRING 'exit'
    0xb1, // LOAD_FAST 1
    0x80, // LOAD_CONST_SMALL_INT 0
    0x55, // LOAD_SUBSCR
    0x51, // LOAD_CONST_NONE
    0xde, // BINARY_OP 7 <is>
    0xd3, // UNARY_OP 3 <not>
    0x34,0x02, // CALL_FUNCTION 2
    0x59, // POP_TOP
    0x52, // LOAD_CONST_TRUE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_part_three_Ctx___exit__ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_three_Ctx___exit__,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 25,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 6,
        .n_exc_stack = 0,
        .scope_flags = 4,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 8,
        .line_info = fun_data_part_three_Ctx___exit__ + 7,
        .line_info_top = fun_data_part_three_Ctx___exit__ + 10,
        .opcodes = fun_data_part_three_Ctx___exit__ + 10,
    },
    #endif
    #endif
};
#else
#define proto_fun_part_three_Ctx___exit__ fun_data_part_three_Ctx___exit__[0]
#endif

static const mp_raw_code_t *const children_part_three_Ctx[] = {
    (const mp_raw_code_t *)&proto_fun_part_three_Ctx___enter__,
    (const mp_raw_code_t *)&proto_fun_part_three_Ctx___exit__,
};

static const mp_raw_code_truncated_t proto_fun_part_three_Ctx = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_three_Ctx,
    .children = (void *)&children_part_three_Ctx,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 24,
    .n_children = 2,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 2,
        .line_info = fun_data_part_three_Ctx + 3,
        .line_info_top = fun_data_part_three_Ctx + 6,
        .opcodes = fun_data_part_three_Ctx + 6,
    },
    #endif
    #endif
};

// child of part_three__lt_module_gt_
// frozen bytecode for file part_three.py, scope part_three_long_function
static const byte fun_data_part_three_long_function[251] = {
    0x49,0x28, // prelude
    0x05,0x10, // names: long_function, n
    0x80,0x0c,0x22,0x22,0x23,0x28,0x26,0x26,0x26,0x1f,0x35,0x1f,0x2c,0x1f,0x2f,0x1f,0x2c,0x2a, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0xc1, // STORE_FAST 1
    0x80, // LOAD_CONST_SMALL_INT 0
    0xc2, // STORE_FAST 2
    0x42,0xd6,0x81, // JUMP 214
    0xb1, // LOAD_FAST 1
    0xb2, // LOAD_FAST 2
    0x83, // LOAD_CONST_SMALL_INT 3
    0xf4, // BINARY_OP 29 __mul__
    0x81, // LOAD_CONST_SMALL_INT 1
    0xf2, // BINARY_OP 27 __add__
    0xe5, // BINARY_OP 14 __iadd__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0xb2, // LOAD_FAST 2
    0x82, // LOAD_CONST_SMALL_INT 2
    0xf6, // BINARY_OP 31 __floordiv__
    0xe6, // BINARY_OP 15 __isub__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0xb2, // LOAD_FAST 2
    0x81, // LOAD_CONST_SMALL_INT 1
    0xf0, // BINARY_OP 25 __lshift__
    0xe1, // BINARY_OP 10 __ixor__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0xb2, // LOAD_FAST 2
    0x87, // LOAD_CONST_SMALL_INT 7
    0xef, // BINARY_OP 24 __and__
    0xe0, // BINARY_OP 9 __ior__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x12,0x11, // LOAD_GLOBAL 'len'
    0x12,0x12, // LOAD_GLOBAL 'str'
    0xb2, // LOAD_FAST 2
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0x12,0x11, // LOAD_GLOBAL 'len'
    0x12,0x13, // LOAD_GLOBAL 'repr'
    0xb2, // LOAD_FAST 2
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x11, // LOAD_GLOBAL 'len'
    0x12,0x14, // LOAD_GLOBAL 'hex'
    0xb2, // LOAD_FAST 2
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x11, // LOAD_GLOBAL 'len'
    0x12,0x15, // LOAD_GLOBAL 'oct'
    0xb2, // LOAD_FAST 2
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x11, // LOAD_GLOBAL 'len'
    0x12,0x16, // LOAD_GLOBAL 'bin'
    0xb2, // LOAD_FAST 2
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0xe5, // BINARY_OP 14 __iadd__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x12,0x17, // LOAD_GLOBAL 'abs'
    0xb2, // LOAD_FAST 2
    0x22,0x32, // LOAD_CONST_SMALL_INT 50
    0xf3, // BINARY_OP 28 __sub__
    0x34,0x01, // CALL_FUNCTION 1
    0x12,0x18, // LOAD_GLOBAL 'min'
    0xb2, // LOAD_FAST 2
    0x83, // LOAD_CONST_SMALL_INT 3
    0x34,0x02, // CALL_FUNCTION 2
    0xf2, // BINARY_OP 27 __add__
    0x12,0x19, // LOAD_GLOBAL 'max'
    0xb2, // LOAD_FAST 2
    0x84, // LOAD_CONST_SMALL_INT 4
    0x34,0x02, // CALL_FUNCTION 2
    0xf2, // BINARY_OP 27 __add__
    0x12,0x1a, // LOAD_GLOBAL 'sum'
    0xb2, // LOAD_FAST 2
    0xb2, // LOAD_FAST 2
    0xb2, // LOAD_FAST 2
    0x2b,0x03, // BUILD_LIST 3
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x1b, // LOAD_GLOBAL 'pow'
    0xb2, // LOAD_FAST 2
    0x82, // LOAD_CONST_SMALL_INT 2
    0x87, // LOAD_CONST_SMALL_INT 7
    0x34,0x03, // CALL_FUNCTION 3
    0xf2, // BINARY_OP 27 __add__
    0xe5, // BINARY_OP 14 __iadd__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x12,0x11, // LOAD_GLOBAL 'len'
    0xb2, // LOAD_FAST 2
    0xb2, // LOAD_FAST 2
    0x81, // LOAD_CONST_SMALL_INT 1
    0xf2, // BINARY_OP 27 __add__
    0xb2, // LOAD_FAST 2
    0x82, // LOAD_CONST_SMALL_INT 2
    0xf2, // BINARY_OP 27 __add__
    0xb2, // LOAD_FAST 2
    0x83, // LOAD_CONST_SMALL_INT 3
    0xf2, // BINARY_OP 27 __add__
    0x2b,0x04, // BUILD_LIST 4
    0x34,0x01, // CALL_FUNCTION 1
    0x12,0x11, // LOAD_GLOBAL 'len'
    0xb2, // LOAD_FAST 2
    0xb2, // LOAD_FAST 2
    0x2a,0x02, // BUILD_TUPLE 2
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x11, // LOAD_GLOBAL 'len'
    0x2c,0x01, // BUILD_MAP 1
    0xb2, // LOAD_FAST 2
    0xb2, // LOAD_FAST 2
    0x62, // STORE_MAP
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x11, // LOAD_GLOBAL 'len'
    0xb2, // LOAD_FAST 2
    0x2d,0x01, // BUILD_SET 1
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0xe6, // BINARY_OP 15 __isub__
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x12,0x1c, // LOAD_GLOBAL 'int'
    0x12,0x12, // LOAD_GLOBAL 'str'
    0xb2, // LOAD_FAST 2
    0x82, // LOAD_CONST_SMALL_INT 2
    0xf4, // BINARY_OP 29 __mul__
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0x12,0x1c, // LOAD_GLOBAL 'int'
    0x12,0x1d, // LOAD_GLOBAL 'float'
    0xb2, // LOAD_FAST 2
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x1e, // LOAD_GLOBAL 'round'
    0xb2, // LOAD_FAST 2
    0x83, // LOAD_CONST_SMALL_INT 3
    0xf7, // BINARY_OP 32 __truediv__
    0x34,0x01, // CALL_FUNCTION 1
    0xf2, // BINARY_OP 27 __add__
    0x12,0x1f, // LOAD_GLOBAL 'divmod'
    0xb2, // LOAD_FAST 2
    0x89, // LOAD_CONST_SMALL_INT 9
    0xf2, // BINARY_OP 27 __add__
    0x84, // LOAD_CONST_SMALL_INT 4
    0x34,0x02, // CALL_FUNCTION 2
    0x81, // LOAD_CONST_SMALL_INT 1
    0x55, // LOAD_SUBSCR
    0xf2, // BINARY_OP 27 __add__
    0xe5, // BINARY_OP 14 __iadd__
    0xc1, // STORE_FAST 1
    0xb2, // LOAD_FAST 2
    0x81, // LOAD_CONST_SMALL_INT 1
    0xe5, // BINARY_OP 14 __iadd__
    0xc2, // STORE_FAST 2
    0xb2, // LOAD_FAST 2
    0xb0, // LOAD_FAST 0
    0xd7, // BINARY_OP 0 __lt__
    0x43,0xa4,0x7e, // POP_JUMP_IF_TRUE -220
    0xb1, // LOAD_FAST 1
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_part_three_long_function = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_three_long_function,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 251,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 10,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 5,
        .line_info = fun_data_part_three_long_function + 4,
        .line_info_top = fun_data_part_three_long_function + 22,
        .opcodes = fun_data_part_three_long_function + 22,
    },
    #endif
    #endif
};
#else
#define proto_fun_part_three_long_function fun_data_part_three_long_function[0]
#endif

static const mp_raw_code_t *const children_part_three__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_part_three_Ctx,
    (const mp_raw_code_t *)&proto_fun_part_three_long_function,
};

static const mp_raw_code_truncated_t proto_fun_part_three__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_part_three__lt_module_gt_,
    .children = (void *)&children_part_three__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 76,
    .n_children = 2,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 6,
        .n_exc_stack = 1,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_part_three__lt_module_gt_ + 3,
        .line_info_top = fun_data_part_three__lt_module_gt_ + 12,
        .opcodes = fun_data_part_three__lt_module_gt_ + 12,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_part_three[33] = {
    MP_QSTR_part_three_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_Ctx,
    MP_QSTR_swallowed,
    MP_QSTR_no,
    MP_QSTR_long_function,
    MP_QSTR___enter__,
    MP_QSTR_enter,
    MP_QSTR___exit__,
    MP_QSTR_exit,
    MP_QSTR_ValueError,
    MP_QSTR_print,
    MP_QSTR_ZeroDivisionError,
    MP_QSTR___name__,
    MP_QSTR___module__,
    MP_QSTR___qualname__,
    MP_QSTR_n,
    MP_QSTR_len,
    MP_QSTR_str,
    MP_QSTR_repr,
    MP_QSTR_hex,
    MP_QSTR_oct,
    MP_QSTR_bin,
    MP_QSTR_abs,
    MP_QSTR_min,
    MP_QSTR_max,
    MP_QSTR_sum,
    MP_QSTR_pow,
    MP_QSTR_int,
    MP_QSTR_float,
    MP_QSTR_round,
    MP_QSTR_divmod,
    MP_QSTR_self,
};

static const mp_frozen_module_t frozen_module_part_three = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_part_three,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_part_three__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "shapes.py\0"
    "part_one.py\0"
    "part_two.py\0"
    "part_three.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_shapes,
    &frozen_module_part_one,
    &frozen_module_part_two,
    &frozen_module_part_three,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("shapes", "shapes.py")
MICROPY_FROZEN_LIST_ITEM("part_one", "part_one.py")
MICROPY_FROZEN_LIST_ITEM("part_two", "part_two.py")
MICROPY_FROZEN_LIST_ITEM("part_three", "part_three.py")
#endif

/*
byte sizes:
qstr content: 59 unique, 522 bytes
bc content: 1145
const str content: 57
const int content: 36
const obj content: 132
const table qstr content: 0 entries, 0 bytes
const table ptr content: 13 entries, 52 bytes
raw code content: 26 * 4 = 416
mp_frozen_mpy_names_content: 49
mp_frozen_mpy_content_size: 16
total: 2425
*/
