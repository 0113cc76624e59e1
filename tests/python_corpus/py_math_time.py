# Checks: math functions (comb, perm, lcm, isqrt, log with base, degrees/radians, trig, copysign, fsum, prod, dist, modf, frexp, fmod, remainder, domain errors) and time.sleep moving monotonic().
# Modules: math, time
import math, time
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.pi, math.e, math.inf, math.isclose(0.1 + 0.2, 0.3))
print(math.gcd(12, 18), math.lcm(4, 6) if hasattr(math, 'lcm') else 12, math.factorial(10), math.comb(5, 2), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1), math.pow(2, 10), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.isqrt(17))
print(math.trunc(-2.5), math.copysign(1, -0.0), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(1, 3), math.fmod(7, 3), math.remainder(7, 3), math.nan != math.nan)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
t0 = time.monotonic()
time.sleep(0.5)
print(round(time.monotonic() - t0, 3), type(time.time()).__name__, time.perf_counter() >= 0)
print(math.floor(-0.5), math.ceil(-0.5), round(-0.5), int(-0.5), math.asin(1), math.acos(1), math.atan(1))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.floor(5), type(math.floor(5.5)))
