# User-defined exceptions: hierarchies, args, str(), raising classes vs instances, raise from.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, msg="bad config"):
        super().__init__(msg, key)
        self.key = key
    def __str__(self):
        return "ConfigError[%s]" % self.key
for exc in (AppError, AppError("with message"), ConfigError("port")):
    try:
        raise exc
    except ConfigError as e:
        print("config", e.key, str(e), e.args)
    except AppError as e:
        print("app", repr(e.args), str(e))
try:
    try:
        int("x")
    except ValueError as e:
        raise AppError("wrapped") from e
except AppError as e:
    print("raise from ->", e)
try:
    raise AppError("no cause") from None
except AppError as e:
    print(e.args[0])
print(issubclass(ConfigError, Exception), isinstance(ConfigError("k"), AppError))
class NotExc:
    pass
try:
    raise NotExc()
except TypeError:
    print("can only raise exceptions")
e = ValueError(1, 2, 3)
print(e.args, len(e.args), repr(KeyError("k")))
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as b:
    print("BaseException catches", type(b).__name__)
try:
    raise SystemExit(3)
except SystemExit as s:
    print("SystemExit", s.args)
