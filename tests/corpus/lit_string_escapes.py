# String and bytes escape sequences, including unknown escapes kept as written, octal forms,
# escaped newlines inside literals, and \u escapes in bytes (not escapes there).
print(repr("\0\00\000\1\12\123\1234"), repr(b"\0\7\77\377"))
print(repr("\q\w\e"), repr(b"\q"), repr("\u0041\U00000042"), repr(b"\u0041"))
print(repr("line one\
line two"), repr(b"a\
b"))
print(repr("\x00\x1f\x7f\x80\xff"), repr(b"\x00\x1f\x7f\x80\xff"))
print(repr('\'\"'), repr("\a\b\f\v"), len("\r\n"))
print(repr(r"\x41"), repr(rb"\x41"), repr(r"a\
b"))
print(repr("""a\tb
c\\d"""), repr('''\''''), repr("""\""""))
print(repr("é" "\xe9" "\u00e9"), "é" == "\xe9" == "\u00e9")
print(repr("\U0001f600"), len("\U0001f600"), len("\U0001f600".encode()))
