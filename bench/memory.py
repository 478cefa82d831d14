#!/usr/bin/env python3
"""Peak memory and time of runs by iteration count (issue 17: memory flat past the kept
rows). Runs the release CLI (`cargo build --release -p journeylab-cli` first) with
--no-store, expected mode by default, and prints peak RSS (from /usr/bin/time) and wall
time per fixture and count, then the bytes each further iteration costs between two
counts of consumer sign-in (target: at most 64 past the kept rows).

    python3 bench/memory.py                          # every fixture: 10k, 100k, 1M
    python3 bench/memory.py --counts 10000,10000000  # choose counts
    python3 bench/memory.py --fixtures consumer-sign-in --mode sampled
"""
import argparse
import pathlib
import re
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
CLI = ROOT / "target" / "release" / "journeylab"


def measure(fixture: pathlib.Path, iterations: int, mode: str) -> tuple[int, float]:
    """Peak RSS (bytes) and wall time (s) of one run."""
    cmd = ["/usr/bin/time", "-f", "%M", str(CLI), "run", str(fixture), "--iterations",
           str(iterations), "--mode", mode, "--seed", "1", "--no-store", "--format", "json"]
    t0 = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - t0
    if done.returncode != 0:
        sys.exit(f"{fixture.name} {iterations}: {done.stderr.strip()}")
    kb = int(re.findall(r"^(\d+)\s*$", done.stderr, re.M)[-1])
    return kb * 1024, wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", default="10000,100000,1000000")
    ap.add_argument("--fixtures", default="")
    ap.add_argument("--mode", default="expected", choices=["expected", "sampled"])
    ap.add_argument("--slope", default="500000,2000000",
                    help="two counts of consumer sign-in between which to measure bytes per iteration")
    args = ap.parse_args()
    if not CLI.exists():
        sys.exit("build the CLI first: cargo build --release -p journeylab-cli")
    counts = [int(c) for c in args.counts.split(",") if c]
    wanted = [f for f in args.fixtures.split(",") if f]
    fixtures = sorted(p for p in (ROOT / "fixtures").glob("*.json") if not wanted or p.stem in wanted)
    print(f"{'fixture':<28} {'iterations':>12} {'peak RSS':>12} {'time':>9}   ({args.mode} mode, every scenario, --no-store)")
    for f in fixtures:
        for n in counts:
            rss, wall = measure(f, n, args.mode)
            print(f"{f.stem:<28} {n:>12,} {rss / 2**20:>10.1f} MB {wall:>8.2f}s", flush=True)
    a, b = (int(x) for x in args.slope.split(","))
    sign_in = ROOT / "fixtures" / "consumer-sign-in.json"
    (ra, _), (rb, _) = measure(sign_in, a, args.mode), measure(sign_in, b, args.mode)
    per = (rb - ra) / (b - a)
    print(f"\nconsumer-sign-in, {a:,} → {b:,} iterations: {ra / 2**20:.1f} MB → {rb / 2**20:.1f} MB, "
          f"{per:.1f} bytes per further iteration (target ≤ 64)")


if __name__ == "__main__":
    main()
