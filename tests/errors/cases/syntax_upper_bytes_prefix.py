x = B"b"
