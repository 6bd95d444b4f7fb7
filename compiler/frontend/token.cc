// Names of token kinds, for diagnostics and tests.
#include "compiler/frontend/token.h"

namespace mpy {

std::string_view token_kind_name(TokenKind kind) {
    using K = TokenKind;
    switch (kind) {
        case K::End: return "end of file";
        case K::Invalid: return "invalid token";
        case K::DedentMismatch: return "mismatched dedent";
        case K::LonelyStringOpen: return "unterminated string";
        case K::MalformedFString: return "malformed f-string";
        case K::Newline: return "NEWLINE";
        case K::Indent: return "INDENT";
        case K::Dedent: return "DEDENT";
        case K::Name: return "NAME";
        case K::Integer: return "INTEGER";
        case K::FloatOrImag: return "FLOAT";
        case K::String: return "STRING";
        case K::Bytes: return "BYTES";
        case K::Ellipsis: return "'...'";
        case K::KwFalse: return "'False'";
        case K::KwNone: return "'None'";
        case K::KwTrue: return "'True'";
        case K::KwAnd: return "'and'";
        case K::KwAs: return "'as'";
        case K::KwAssert: return "'assert'";
        case K::KwAsync: return "'async'";
        case K::KwAwait: return "'await'";
        case K::KwBreak: return "'break'";
        case K::KwClass: return "'class'";
        case K::KwContinue: return "'continue'";
        case K::KwDef: return "'def'";
        case K::KwDel: return "'del'";
        case K::KwElif: return "'elif'";
        case K::KwElse: return "'else'";
        case K::KwExcept: return "'except'";
        case K::KwFinally: return "'finally'";
        case K::KwFor: return "'for'";
        case K::KwFrom: return "'from'";
        case K::KwGlobal: return "'global'";
        case K::KwIf: return "'if'";
        case K::KwImport: return "'import'";
        case K::KwIn: return "'in'";
        case K::KwIs: return "'is'";
        case K::KwLambda: return "'lambda'";
        case K::KwNonlocal: return "'nonlocal'";
        case K::KwNot: return "'not'";
        case K::KwOr: return "'or'";
        case K::KwPass: return "'pass'";
        case K::KwRaise: return "'raise'";
        case K::KwReturn: return "'return'";
        case K::KwTry: return "'try'";
        case K::KwWhile: return "'while'";
        case K::KwWith: return "'with'";
        case K::KwYield: return "'yield'";
        case K::ParenOpen: return "'('";
        case K::ParenClose: return "')'";
        case K::BracketOpen: return "'['";
        case K::BracketClose: return "']'";
        case K::BraceOpen: return "'{'";
        case K::BraceClose: return "'}'";
        case K::Comma: return "','";
        case K::Semicolon: return "';'";
        case K::Colon: return "':'";
        case K::Period: return "'.'";
        case K::Arrow: return "'->'";
        case K::Equal: return "'='";
        case K::PlusEqual: return "'+='";
        case K::MinusEqual: return "'-='";
        case K::StarEqual: return "'*='";
        case K::AtEqual: return "'@='";
        case K::SlashEqual: return "'/='";
        case K::PercentEqual: return "'%='";
        case K::AmpersandEqual: return "'&='";
        case K::PipeEqual: return "'|='";
        case K::CaretEqual: return "'^='";
        case K::DblLessEqual: return "'<<='";
        case K::DblMoreEqual: return "'>>='";
        case K::DblStarEqual: return "'**='";
        case K::DblSlashEqual: return "'//='";
        case K::Tilde: return "'~'";
        case K::Walrus: return "':='";
        case K::Less: return "'<'";
        case K::LessEqual: return "'<='";
        case K::DblLess: return "'<<'";
        case K::More: return "'>'";
        case K::MoreEqual: return "'>='";
        case K::DblMore: return "'>>'";
        case K::Star: return "'*'";
        case K::DblStar: return "'**'";
        case K::Plus: return "'+'";
        case K::Minus: return "'-'";
        case K::Ampersand: return "'&'";
        case K::Pipe: return "'|'";
        case K::Slash: return "'/'";
        case K::DblSlash: return "'//'";
        case K::Percent: return "'%'";
        case K::Caret: return "'^'";
        case K::At: return "'@'";
        case K::DblEqual: return "'=='";
        case K::NotEqual: return "'!='";
    }
    return "?";
}

}  // namespace mpy
