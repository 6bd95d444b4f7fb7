# Bytes literals with every prefix and escape.
print(b"abc", b'x', b"")
print(rb"\n\x00", br"\t", rb"a\b")
print(b"\x00\x01\xff\n\t\r\\\'\"")
print(b"\101\102\7", b"tab\there")
print(b"con" b"cat" b"enated")
print(b"""triple
quoted""", b'''single triple''')
print(len(b"\x00" * 10), b"ab" * 3, b"a" in b"cat")
print(bytes([65, 66, 67]), bytearray(b"xyz"), list(b"AZ"))
print(b"hello"[1], b"hello"[1:3], b"hello"[-2:])
