# String literals: every prefix, escapes, implicit concatenation, triple quotes, unicode.
print('single', "double", '''triple single''', """triple double""")
print(r"raw\n", r"raw\t", r'\\', r"\"quoted\"")
print(u"unicode prefix", u"\u00e9")
print("esc: \n|\t|\\|\'|\"|\a|\b|\f|\v|\r|".encode())
print("\x41\x42", "\101\102", "\u00e9\u4e2d", "\U0001F600".encode())
print("con" 'cat' """enated""")
print("a"
      "b"
      "c")
s = """line1
line2\
 continued
line3"""
print(s)
print(len("héllo"), "héllo"[1], "日本語"[1:])
print("", '', "x" * 0, repr("quote's"), repr('dq"'))
print("a" + "b" * 3, "ab" < "ac", "Z" < "a")
