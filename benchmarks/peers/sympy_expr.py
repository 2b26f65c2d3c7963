#!/usr/bin/env python3
"""sympy peer of the symshapes expression benchmarks (benchmarks/RESULTS.md, "Expressions").

Reads the same corpus as the JMH benchmarks (one expression per line in a neutral prefix form,
written by dev.symshapes.benchmarks.expr.ShapeCorpus) and times, per expression:

  build   building each expression bottom-up with sympy's automatic evaluation (what PyTorch does
          when it builds shape expressions), the sympy cache cleared before each round;
  print   str(e) of each built expression (sympy's str printer, the format of PyTorch's logs);
  parse   parse_expr(text) of each printed text, back into sympy, the cache cleared before each round.

Mapping of the corpus operators (the same mapping as the Java benchmarks):

  (+ a b)    a + b            sympy Add
  (* a b)    a * b            sympy Mul
  (// a b)   floor(a / b)     what sympy's Expr.__floordiv__ builds (PyTorch has its own FloorDiv)
  (% a b)    Mod(a, b)        sympy Mod: the sign follows the divisor, as in Python
  (max a b)  Max(a, b)
  (min a b)  Min(a, b)

Symbols are Symbol('sN', integer=True): integers, as symshapes' rules assume, with no sign.

This script installs nothing. It needs python3 and sympy (Debian: apt install python3-sympy).
Usage: python3 benchmarks/peers/sympy_expr.py [--corpus PATH] [--rounds N] [--limit N]
"""

import argparse
import gc
import hashlib
import platform
import re
import statistics
import sys
import time

try:
    import sympy
    from sympy import Integer, Max, Min, Mod, Symbol, floor
    from sympy.core.cache import clear_cache
    from sympy.parsing.sympy_parser import parse_expr
except ImportError as e:
    sys.exit(
        "sympy_expr.py: cannot import sympy (%s) with %s.\n"
        "This script installs nothing. Install sympy for this interpreter, e.g. on Debian:\n"
        "  sudo apt install python3-sympy\n"
        "or run it with a python3 that has sympy." % (e, sys.executable)
    )

DEFAULT_CORPUS = "benchmarks/target/expr-corpus.txt"
TOKEN = re.compile(r"\(|\)|[^\s()]+")
SYMBOLS = {name: Symbol(name, integer=True) for name in ("s0", "s1", "s2", "s3")}
OPS = {
    "+": lambda a, b: a + b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: floor(a / b),
    "%": Mod,
    "max": Max,
    "min": Min,
}


def read_tree(text, line):
    """The prefix text as nested tuples (op, a, b); leaves are ints or symbol names."""
    tokens = TOKEN.findall(text)
    pos = 0

    def read():
        nonlocal pos
        if pos >= len(tokens):
            raise ValueError("line %d: unexpected end of %r" % (line, text))
        t = tokens[pos]
        pos += 1
        if t == "(":
            op = tokens[pos]
            if op not in OPS:
                raise ValueError("line %d: unknown operator %r in %r" % (line, op, text))
            pos += 1
            a = read()
            b = read()
            if pos >= len(tokens) or tokens[pos] != ")":
                raise ValueError("line %d: expected ')' in %r" % (line, text))
            pos += 1
            return (op, a, b)
        if t[0] == "-" or t[0].isdigit():
            return int(t)
        if t not in SYMBOLS:
            raise ValueError("line %d: unknown symbol %r in %r" % (line, t, text))
        return t

    tree = read()
    if pos != len(tokens):
        raise ValueError("line %d: trailing text in %r" % (line, text))
    return tree


def build(t):
    if type(t) is tuple:
        return OPS[t[0]](build(t[1]), build(t[2]))
    if type(t) is int:
        return Integer(t)
    return SYMBOLS[t]


def timed(label, n, rounds, body):
    """Runs body() `rounds` times; prints the median time per item, in microseconds of CPU time
    (what the work costs on an idle core: the machine may be shared) and of wall-clock time."""
    cpu, wall = [], []
    result = None
    for r in range(rounds):
        clear_cache()
        gc.collect()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        result = body()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
        print(
            "  %s round %d: %.3f s CPU, %.3f s wall" % (label, r + 1, cpu[-1], wall[-1]),
            file=sys.stderr,
            flush=True,
        )
    print(
        "sympy %-6s %d expressions, median of %d rounds: %.2f us/expr CPU, %.2f us/expr wall"
        % (
            label,
            n,
            rounds,
            statistics.median(cpu) / n * 1e6,
            statistics.median(wall) / n * 1e6,
        ),
        flush=True,
    )
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="default: %(default)s")
    ap.add_argument("--rounds", type=int, default=1, help="timed rounds per workload (default 1)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N expressions")
    args = ap.parse_args()

    try:
        with open(args.corpus, "rb") as fh:
            data = fh.read()
    except OSError as e:
        sys.exit(
            "sympy_expr.py: cannot read the corpus (%s). Write it first, from the repository root:\n"
            "  java -cp benchmarks/target/benchmarks.jar dev.symshapes.benchmarks.expr.ShapeCorpus"
            % e
        )
    lines = [l for l in data.decode("utf-8").splitlines() if l.strip()]
    print(
        "corpus %s: %d expressions, sha256 %s"
        % (args.corpus, len(lines), hashlib.sha256(data).hexdigest())
    )
    print(
        "python %s (%s), sympy %s, cache size %s"
        % (
            platform.python_version(),
            sys.executable,
            sympy.__version__,
            __import__("os").environ.get("SYMPY_CACHE_SIZE", "default"),
        )
    )
    if args.limit:
        lines = lines[: args.limit]
    trees = [read_tree(l, i + 1) for i, l in enumerate(lines)]
    n = len(trees)

    built = timed("build", n, args.rounds, lambda: [build(t) for t in trees])
    texts = timed("print", n, args.rounds, lambda: [str(e) for e in built])
    parsed = timed(
        "parse", n, args.rounds, lambda: [parse_expr(s, local_dict=SYMBOLS) for s in texts]
    )
    same = sum(1 for a, b in zip(built, parsed) if a == b)
    print("round trip: %d of %d parsed texts equal the built expression" % (same, n))


if __name__ == "__main__":
    main()
