try:
    pass
except E as e:
    raise X from e
else:
    pass
finally:
    pass
