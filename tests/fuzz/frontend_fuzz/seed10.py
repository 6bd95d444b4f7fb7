s = b'\x00\xff' b'\1'
t = r'\n' '''tri
ple''' u'x' '\u00e9\U0001F600'
