x = b"x" "y"
