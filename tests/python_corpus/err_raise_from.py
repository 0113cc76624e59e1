# Checks: `raise ... from ...` sets __cause__; implicit chaining sets
# __context__; the uncaught chained error's traceback shows both.
# Modules: asyncio
import asyncio


class ConfigError(Exception):
    pass


def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e


async def main():
    try:
        load({}, "port")
    except ConfigError as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            [][0]
    except IndexError as e:
        print("context:", repr(e.__context__), "cause:", e.__cause__)
    try:
        raise RuntimeError("quiet") from None
    except RuntimeError as e:
        print("suppressed:", e.__suppress_context__, e.__cause__)
    await asyncio.sleep(0.1)
    load({"host": "x"}, "timeout")


asyncio.run(main())
