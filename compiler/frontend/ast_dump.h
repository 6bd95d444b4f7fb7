// A compact, deterministic text form of a syntax tree, for tests and debugging.
//
// Expressions print as s-expressions: (Call (Attribute (Name x) append) (Const 1)).  Constants
// print their kind and value; `:obj` marks constant objects.  With `with_lines`, every node that
// records a line prints it as @N.
#pragma once

#include <string>

#include "compiler/frontend/ast.h"

namespace mpy::ast {

std::string dump(const Expr& e, bool with_lines = false);
std::string dump(const Stmt& s, bool with_lines = false);
std::string dump(const Module& m, bool with_lines = false);
std::string dump(const ConstValue& v);

}  // namespace mpy::ast
