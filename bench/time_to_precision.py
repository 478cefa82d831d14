#!/usr/bin/env python3
"""Time to a precise answer (issue 18), measured in one run.

For every fixture, metric and target: the iterations and wall time `journeylab run
--precision METRIC=REL` needs with plain Monte Carlo (`--sampling mc`) and with randomised
quasi-Monte Carlo (`--sampling rqmc`), baseline only. Then the headline comparison, side by
side: consumer sign-in's fraud-loss mean to ±1 % in expected mode, against the numpy
reference implementation (bench/numpy_reference.py, plain Monte Carlo) run at the
iterations plain Monte Carlo needs. Times are wall-clock seconds of whole commands (process
start, model loading and output included), the median of --repeat runs.

    cargo build --release -p journeylab-cli
    pip install numpy
    python3 bench/time_to_precision.py                 # everything (about 10 minutes)
    python3 bench/time_to_precision.py --headline      # the comparison with numpy only
    python3 bench/time_to_precision.py --headline --seeds 1-8   # …per seed, and the median

The binary is target/release/journeylab unless --bin (or CARGO_TARGET_DIR) says otherwise.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))


def default_bin():
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    return str(Path(target) / "release" / "journeylab")


def timed(cmd):
    """(seconds, stdout) of one command; fails loudly when it fails."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, done.stdout


def to_precision(binary, fixture, metric, rel, sampling, mode, seed, repeat):
    """Median seconds, iterations used and half-width reached of a run to precision."""
    cmd = [
        binary, "run", str(fixture), "--mode", mode, "--sampling", sampling,
        "--precision", f"{metric}={rel}", "--iterations", "50000000", "--seed", str(seed),
        "--scenario", "baseline", "--no-store", "--format", "json",
    ]
    times, doc = [], None
    for _ in range(repeat):
        t, out = timed(cmd)
        times.append(t)
        doc = json.loads(out)
    target = doc["precision"][0]
    return statistics.median(times), doc["iterations"], target["achieved"], target["met"]


def numpy_time(fixture, iterations, mode, seed, repeat):
    cmd = [
        sys.executable, str(ROOT / "bench" / "numpy_reference.py"), str(fixture),
        "--iterations", str(iterations), "--mode", mode, "--seed", str(seed), "--json",
    ]
    times = []
    for _ in range(repeat):
        t, _ = timed(cmd)
        times.append(t)
    return statistics.median(times)


def table(binary, modes, targets, metrics, repeat, seed):
    print("| fixture | mode | metric | target | mc iterations | mc s | rqmc iterations | rqmc s | iterations ratio | time ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for fixture in FIXTURES:
        for mode in modes:
            for metric in metrics:
                for rel in targets:
                    mc = to_precision(binary, fixture, metric, rel, "mc", mode, seed, repeat)
                    qmc = to_precision(binary, fixture, metric, rel, "rqmc", mode, seed, repeat)
                    row = {
                        "fixture": fixture.stem, "mode": mode, "metric": metric, "target": rel,
                        "mc": {"seconds": mc[0], "iterations": mc[1], "achieved": mc[2], "met": mc[3]},
                        "rqmc": {"seconds": qmc[0], "iterations": qmc[1], "achieved": qmc[2], "met": qmc[3]},
                    }
                    rows.append(row)
                    print(
                        f"| {fixture.stem} | {mode} | {metric} | ±{rel * 100:g} % | {mc[1]:,} | {mc[0]:.2f} "
                        f"| {qmc[1]:,} | {qmc[0]:.2f} | {mc[1] / qmc[1]:.1f}× | {mc[0] / qmc[0]:.1f}× |",
                        flush=True,
                    )
    return rows


def headline(binary, repeat, seeds):
    """The comparison with numpy for each seed, then the median ratio over the seeds: the
    iterations a run to precision needs are themselves random (they follow the standard
    error), so one seed is one draw of the answer."""
    fixture = ROOT / "fixtures" / "consumer-sign-in.json"
    rows = []
    print()
    print("Consumer sign-in, fraud-loss mean to ±1 % (95 %), expected mode, baseline:")
    print("| seed | mc iterations | numpy s | mc s | mc × | rqmc iterations | rqmc s | rqmc × |")
    print("|---|---|---|---|---|---|---|---|")
    for seed in seeds:
        mc = to_precision(binary, fixture, "fraud_loss", 0.01, "mc", "expected", seed, repeat)
        qmc = to_precision(binary, fixture, "fraud_loss", 0.01, "rqmc", "expected", seed, repeat)
        np_s = numpy_time(fixture, mc[1], "expected", seed, repeat)
        rows.append({"seed": seed, "numpy_seconds": np_s, "mc": mc, "rqmc": qmc})
        print(
            f"| {seed} | {mc[1]:,} | {np_s:.2f} | {mc[0]:.3f} | {np_s / mc[0]:.1f} "
            f"| {qmc[1]:,} | {qmc[0]:.3f} | {np_s / qmc[0]:.1f} |",
            flush=True,
        )
    if len(rows) > 1:
        mc_x = statistics.median(r["numpy_seconds"] / r["mc"][0] for r in rows)
        qmc_x = statistics.median(r["numpy_seconds"] / r["rqmc"][0] for r in rows)
        print(f"median over {len(rows)} seeds: mc {mc_x:.1f}× shorter than numpy, rqmc {qmc_x:.1f}×")
    return rows


def seed_list(text):
    """`4` or `1-8` or `1,3,5`."""
    seeds = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        seeds.extend(range(int(lo), int(hi or lo) + 1))
    return seeds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=default_bin())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1, help="seed of the per-fixture table")
    ap.add_argument("--seeds", type=seed_list, default=[1], help="seeds of the headline: 4, 1-8 or 1,3,5")
    ap.add_argument("--headline", action="store_true", help="only the comparison with numpy")
    ap.add_argument("--sampled", action="store_true", help="also sampled mode (±1 % only; slow)")
    ap.add_argument("--json", help="write every figure to this file")
    args = ap.parse_args()
    if not Path(args.bin).exists():
        sys.exit(f"{args.bin} not found: cargo build --release -p journeylab-cli")
    out = {}
    if not args.headline:
        out["expected"] = table(args.bin, ["expected"], [0.01, 0.005], ["fraud_loss", "legit_success_rate"], 1, args.seed)
        if args.sampled:
            print()
            out["sampled"] = table(args.bin, ["sampled"], [0.01], ["fraud_loss", "legit_success_rate"], 1, args.seed)
    out["headline"] = headline(args.bin, args.repeat, args.seeds)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
