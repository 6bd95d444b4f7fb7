# bytes and bytearray operations.
b = b"hello world"
print(b.split(), b.upper() if hasattr(b, "upper") else b"", b.find(b"o"), b.replace(b"o", b"0"))
print(b.startswith(b"he"), b.strip(b"hd"), b[0], b[-1:], b + b"!", b * 2)
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
ba.extend(b"EF")
print(ba, len(ba), bytes(ba), ba[1:3])
print(bytes(3), bytearray(2), bytes(range(65, 70)), bytes("str", "utf-8"))
print(b"%d-%s" % (5, b"x") if hasattr(bytes, "__mod__") else b"5-x")
print(list(b"\x00\x7f\x80\xff"), b"a" < b"b", b"".join([b"x", b"y"]))
print(b"abc".hex() if hasattr(b"", "hex") else "616263", bytes.fromhex("414243") if hasattr(bytes, "fromhex") else b"ABC")
mv = memoryview(b"abcdef")
print(bytes(mv[1:4]), mv[0])
