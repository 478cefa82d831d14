#!/usr/bin/env python3
"""Vectorised numpy reference for the Journey Lab simulation semantics (spec §6).

An independent, deliberately plain implementation of the "journeylab/1" model
semantics, used to compare speed and sanity-check numbers against the Rust engine.
It is a benchmark, not part of the product or its tests.

Two levels, as in the spec: for every iteration i every Quantity is drawn once
(parameter uncertainty); then each journey's entrants flow through the graph.

* sampled:  entrants ~ Poisson(volume), every split is a binomial draw, controls
            are played round by round; cycles are handled by repeated sweeps until
            no user is left in a step.
* expected: entrants = volume draw; visits per step are the exact expectation of
            the absorbing Markov chain, solved with numpy.linalg.solve (batched over
            iterations), so cycles need no iteration to a tolerance.

Everything is vectorised over iterations: every draw and count is an array of
shape [iterations]. Scenario changes (spec §9 paths) can be applied with
--scenario. Random streams are derived from (seed, quantity path), so a quantity a
scenario leaves unchanged gets the same draws in every scenario (common random
numbers), but the streams are NOT the Rust engine's: compare distributions and
means, not individual draws.

Usage:
    python3 bench/numpy_reference.py fixtures/consumer-sign-in.json --iterations 100000 --mode sampled
    python3 bench/numpy_reference.py fixtures/*.json --iterations 20000 --mode both --detail
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import sys
import time
import zlib

import numpy as np

DIST_KEYS = {"fixed", "uniform", "triangular", "pert", "beta", "lognormal"}
Z95 = 1.6448536
OUTCOME_CLASSES = ("success", "abandoned", "blocked")
CHUNK = 4096  # iterations per batched linear solve in expected mode


# --------------------------------------------------------------------------- model


class ModelError(Exception):
    pass


def apply_change(model: dict, path: str, value) -> None:
    """Apply one scenario change; path segments select list items by id, dict keys by name."""
    segs = path.split("/")
    node = model
    for i, seg in enumerate(segs):
        last = i == len(segs) - 1
        if isinstance(node, list):
            idx = next((k for k, x in enumerate(node) if isinstance(x, dict) and x.get("id") == seg), None)
            if idx is None:
                raise ModelError(f"scenario path {path!r}: no item with id {seg!r}")
            if last:
                node[idx] = copy.deepcopy(value)
                return
            node = node[idx]
        elif isinstance(node, dict):
            if last:
                # Setting a key the object omits (an optional field, a PerPopulation
                # key) is allowed; the Rust validator is the judge of what is valid.
                node[seg] = copy.deepcopy(value)
                return
            if seg not in node:
                raise ModelError(f"scenario path {path!r}: no key {seg!r}")
            node = node[seg]
        else:
            raise ModelError(f"scenario path {path!r}: cannot descend into {seg!r}")


def is_quantity(v) -> bool:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return True
    if isinstance(v, dict):
        keys = set(v) - {"source"}
        return len(keys) == 1 and keys <= DIST_KEYS
    return False


def per_population(v, pop: dict, where: str, default=None):
    """Resolve a PerPopulation value for one population -> (quantity, key used)."""
    if v is None:
        return default, "default"
    if is_quantity(v):
        return v, ""
    if not isinstance(v, dict):
        raise ModelError(f"{where}: not a quantity or per-population object")
    for key in (pop["id"], "*" + pop["kind"], "*"):
        if key in v:
            return v[key], key
    if default is not None:
        return default, "default"
    raise ModelError(f"{where}: no entry for population {pop['id']!r}")


# ------------------------------------------------------------------------- drawing


class Sampler:
    """Draws each Quantity once per iteration; the draw is keyed by the quantity's path."""

    def __init__(self, n: int, seed: int):
        self.n = n
        self.seed = seed
        self.cache: dict[str, np.ndarray] = {}

    def rng(self, key: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, zlib.crc32(key.encode())])

    def draw(self, q, key: str) -> np.ndarray:
        if key in self.cache:
            return self.cache[key]
        n = self.n
        if isinstance(q, (int, float)):
            x = np.full(n, float(q))
        else:
            (kind,) = set(q) - {"source"}
            p = q[kind]
            g = self.rng(key + json.dumps(q, sort_keys=True))
            if kind == "fixed":
                x = np.full(n, float(p))
            elif kind == "uniform":
                x = g.uniform(p[0], p[1], n)
            elif kind == "triangular":
                lo, mo, hi = p
                x = np.full(n, float(lo)) if lo == hi else g.triangular(lo, mo, hi, n)
            elif kind == "pert":
                lo, mo, hi = p
                if lo == hi:
                    x = np.full(n, float(lo))
                else:
                    a = 1 + 4 * (mo - lo) / (hi - lo)
                    b = 1 + 4 * (hi - mo) / (hi - lo)
                    x = lo + (hi - lo) * g.beta(a, b, n)
            elif kind == "beta":
                x = g.beta(p[0], p[1], n)
            elif kind == "lognormal":
                p5, p95 = p
                mu = (math.log(p5) + math.log(p95)) / 2
                sigma = (math.log(p95) - math.log(p5)) / (2 * Z95)
                x = g.lognormal(mu, sigma, n)
            else:  # pragma: no cover
                raise ModelError(f"unknown distribution {kind}")
        self.cache[key] = x
        return x


# ------------------------------------------------------------- regularised beta CDF


def _betacf(a, b, x):
    fpmin = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > fpmin else fpmin)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > fpmin else fpmin)
        c = 1 + aa / c
        c = c if abs(c) > fpmin else fpmin
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > fpmin else fpmin)
        c = 1 + aa / c
        c = c if abs(c) > fpmin else fpmin
        de = d * c
        h *= de
        if abs(de - 1) < 3e-16:
            break
    return h


def beta_cdf(a: float, b: float, x: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    bt = math.exp(lbt)
    if x < (a + 1) / (a + b + 2):
        return bt * _betacf(a, b, x) / a
    return 1 - bt * _betacf(b, a, 1 - x) / b


# ----------------------------------------------------------------- compiled steps


class Compiled:
    """One journey x population: per-step exit probabilities and per-visit costs, all
    arrays of shape [n] (iterations)."""

    def __init__(self, model, journey, pop, sampler: Sampler):
        self.pop = pop
        self.journey = journey
        jid = journey["id"]
        n = sampler.n
        self.n = n
        controls = {c["id"]: c for c in model.get("controls", [])}
        signals = {s["id"]: s for s in model.get("risk_signals", [])}
        steps = journey["steps"]
        self.outcome_class = {c: c for c in OUTCOME_CLASSES}
        for st in steps:
            if st["kind"] == "outcome":
                self.outcome_class[st["id"]] = st["class"]
        self.transient = [st for st in steps if st["kind"] != "outcome"]
        self.index = {st["id"]: i for i, st in enumerate(self.transient)}
        self.outcomes = list(self.outcome_class)
        self.oindex = {o: i for i, o in enumerate(self.outcomes)}
        pid = pop["id"]

        def q(v, key, default=None):
            qq, used = per_population(v, pop, key, default)
            return sampler.draw(qq, f"{key}/{used}" if used else key)

        self.kind = []
        self.spec = []  # per-step parameters for the sampled mode
        for st in self.transient:
            k = st["kind"]
            base = f"journeys/{jid}/steps/{st['id']}"
            self.kind.append(k)
            if k == "action":
                self.spec.append(dict(
                    abandon=q(st.get("abandon"), base + "/abandon", 0.0),
                    seconds=q(st.get("seconds", 0.0), base + "/seconds"),
                    next=st["next"]))
            elif k == "control":
                c = controls[st["control"]]
                cb = f"controls/{c['id']}"
                on = st.get("on", {})
                self.spec.append(dict(
                    s=q(c["pass"], cb + "/pass"),
                    a=q(c.get("abandon"), cb + "/abandon", 0.0),
                    m=int(st.get("max_attempts", 1)),
                    cost=q(c.get("cost_per_attempt", 0.0), cb + "/cost_per_attempt"),
                    sec=q(c.get("seconds_per_attempt", 0.0), cb + "/seconds_per_attempt"),
                    on_pass=on["pass"], on_fail=on.get("fail", "blocked"),
                    on_abandon=on.get("abandon", "abandoned")))
            elif k == "risk_gate":
                sig = signals[st["signal"]]
                dist, _ = per_population(sig["score"], pop, f"risk_signals/{sig['id']}/score")
                a, b = dist["beta"]
                f_allow = beta_cdf(a, b, st["allow_below"])
                f_block = beta_cdf(a, b, st["block_at_or_above"])
                on = st["on"]
                self.spec.append(dict(
                    p=[f_allow, f_block - f_allow, 1 - f_block],
                    to=[on["allow"], on["challenge"], on.get("block", "blocked")]))
            elif k == "branch":
                ps, to, rest = [], [], None
                for j, e in enumerate(st["to"]):
                    if "p" in e:
                        ps.append(q(e["p"], f"{base}/to/{j}/p"))
                        to.append(e["target"])
                    else:
                        rest = e["target"]
                tot = np.sum(ps, axis=0) if ps else np.zeros(n)
                ps.append(np.clip(1 - tot, 0, 1))
                to.append(rest)
                self.spec.append(dict(p=ps, to=to))
            elif k == "support":
                on = st["on"]
                self.spec.append(dict(
                    r=q(st["resolve"], base + "/resolve"),
                    cost=q(st.get("cost_per_contact", 0.0), base + "/cost_per_contact"),
                    minutes=q(st.get("minutes_per_contact", 0.0), base + "/minutes_per_contact"),
                    on_res=on["resolved"], on_unres=on.get("unresolved", "abandoned")))
            else:
                raise ModelError(f"{base}: unknown step kind {k!r}")
        self.order = self._order(journey["entry"])

    def _order(self, entry):
        """Breadth-first order from the entry: a good sweep order for the sampled mode."""
        seen, out, queue = set(), [], [entry]
        while queue:
            s = queue.pop(0)
            if s in seen or s not in self.index:
                continue
            seen.add(s)
            out.append(self.index[s])
            for t in self.targets(self.index[s]):
                queue.append(t)
        return out

    def targets(self, i):
        sp, k = self.spec[i], self.kind[i]
        if k == "action":
            return [sp["next"]]
        if k == "control":
            return [sp["on_pass"], sp["on_fail"], sp["on_abandon"]]
        if k in ("risk_gate", "branch"):
            return list(sp["to"])
        return [sp["on_res"], sp["on_unres"]]

    # ------------------------------------------------------------ expected mode

    def exits(self, i):
        """Per-visit exit probabilities [(target, p[n])] and per-visit extras."""
        sp, k, n = self.spec[i], self.kind[i], self.n
        zero = np.zeros(n)
        if k == "action":
            a = sp["abandon"]
            return [(sp["next"], 1 - a), ("abandoned", a)], dict(sec=sp["seconds"], att=zero, cost=zero, contacts=zero)
        if k == "control":
            s, a, m = sp["s"], sp["a"], sp["m"]
            qq = (1 - a) * (1 - s)
            geo = np.where(np.abs(1 - qq) > 1e-15, (1 - qq ** m) / np.where(qq == 1, 1, 1 - qq), m)
            ppass = (1 - a) * s * geo
            pab = a * geo
            pfail = qq ** m
            return ([(sp["on_pass"], ppass), (sp["on_abandon"], pab), (sp["on_fail"], pfail)],
                    dict(sec=geo * sp["sec"], att=geo, cost=geo * sp["cost"], contacts=zero))
        if k in ("risk_gate", "branch"):
            ps = [np.broadcast_to(np.asarray(p, dtype=float), (n,)) for p in sp["p"]]
            return list(zip(sp["to"], ps)), dict(sec=zero, att=zero, cost=zero, contacts=zero)
        r = sp["r"]
        one = np.ones(n)
        return ([(sp["on_res"], r), (sp["on_unres"], 1 - r)],
                dict(sec=60 * sp["minutes"], att=zero, cost=zero, contacts=one, scost=sp["cost"]))

    def expected(self, entrants):
        n, S, O = self.n, len(self.transient), len(self.outcomes)
        P = np.zeros((n, S, S))
        R = np.zeros((n, S, O))
        per = {k: np.zeros((n, S)) for k in ("sec", "att", "cost", "contacts", "scost")}
        for i in range(S):
            ex, extra = self.exits(i)
            for t, p in ex:
                if t in self.index:
                    P[:, i, self.index[t]] += p
                else:
                    R[:, i, self.oindex[t]] += p
            for k, v in extra.items():
                per[k][:, i] = v
        e = np.zeros((n, S))
        e[:, self.index[self.journey["entry"]]] = entrants
        visits = np.empty((n, S))
        eye = np.eye(S)
        for c0 in range(0, n, CHUNK):
            c1 = min(n, c0 + CHUNK)
            A = eye[None] - np.transpose(P[c0:c1], (0, 2, 1))
            visits[c0:c1] = np.linalg.solve(A, e[c0:c1][..., None])[..., 0]
        out = np.einsum("ns,nso->no", visits, R)
        acc = {k: np.einsum("ns,ns->n", visits, per[k]) for k in ("sec", "att", "cost", "contacts")}
        acc["support_cost"] = np.einsum("ns,ns->n", visits, per["contacts"] * per["scost"])
        return out, acc


def run_sampled(comp: Compiled, entrants, g):
    """Sampled mode: binomial splits, controls round by round, repeated sweeps in
    breadth-first order until no user is left in a step (drains cycles)."""
    n = comp.n
    orig_spec = comp.spec
    S, O = len(comp.transient), len(comp.outcomes)
    pending = np.zeros((S, n), dtype=np.int64)
    pending[comp.index[comp.journey["entry"]]] = entrants
    out = np.zeros((O, n), dtype=np.int64)
    acc = {k: np.zeros(n) for k in ("sec", "att", "cost", "contacts", "support_cost")}
    idx, oidx = comp.index, comp.oindex

    def send(t, cnt):
        if t in idx:
            pending[idx[t]] += cnt
        else:
            out[oidx[t]] += cnt

    sweeps = 0
    while pending.any():
        sweeps += 1
        if sweeps > 100000:
            raise ModelError("sampled mode: cycle does not drain")
        for i in comp.order:
            x = pending[i].copy()
            if not x.any():
                continue
            pending[i] = 0
            sp, k = orig_spec[i], comp.kind[i]
            if k == "action":
                ab = g.binomial(x, sp["abandon"])
                acc["sec"] += x * sp["seconds"]
                send("abandoned", ab)
                send(sp["next"], x - ab)
            elif k == "control":
                trying = x
                for _ in range(sp["m"]):
                    acc["att"] += trying
                    acc["cost"] += trying * sp["cost"]
                    acc["sec"] += trying * sp["sec"]
                    ab = g.binomial(trying, sp["a"])
                    ok = g.binomial(trying - ab, sp["s"])
                    send(sp["on_abandon"], ab)
                    send(sp["on_pass"], ok)
                    trying = trying - ab - ok
                    if not trying.any():
                        break
                send(sp["on_fail"], trying)
            elif k in ("risk_gate", "branch"):
                left = x
                rest_p = np.ones(n)
                ps = [np.broadcast_to(np.asarray(p, dtype=float), (n,)) for p in sp["p"]]
                for t, p in zip(sp["to"][:-1], ps[:-1]):
                    cond = np.clip(np.divide(p, rest_p, out=np.zeros(n), where=rest_p > 1e-300), 0, 1)
                    c = g.binomial(left, cond)
                    send(t, c)
                    left = left - c
                    rest_p = rest_p - p
                send(sp["to"][-1], left)
            else:
                res = g.binomial(x, sp["r"])
                acc["contacts"] += x
                acc["support_cost"] += x * sp["cost"]
                acc["sec"] += x * 60 * sp["minutes"]
                send(sp["on_res"], res)
                send(sp["on_unres"], x - res)
    return out.astype(float), acc


# -------------------------------------------------------------------- simulation


def simulate(model: dict, n: int, mode: str, seed: int):
    """Returns (totals: dict name -> array[n], per: dict (journey, pop) -> metrics)."""
    sampler = Sampler(n, seed)
    pops = {p["id"]: p for p in model["populations"]}
    per = {}
    g = np.random.default_rng([seed, 1])
    for j in model["journeys"]:
        for k, ent in enumerate(j["entrants"]):
            pop = pops[ent["population"]]
            vol = sampler.draw(ent["volume"], f"journeys/{j['id']}/entrants/{k}/volume")
            comp = Compiled(model, j, pop, sampler)
            if mode == "expected":
                entrants = vol
                out, acc = comp.expected(entrants)
                out = out.T
            else:
                entrants = g.poisson(vol)
                out, acc = run_sampled(comp, entrants, g)
            cls = {c: np.zeros(n) for c in OUTCOME_CLASSES}
            for o, c in comp.outcome_class.items():
                cls[c] = cls[c] + out[comp.oindex[o]]
            m = dict(entrants=np.asarray(entrants, dtype=float), **cls,
                     attempts=acc["att"], support_contacts=acc["contacts"], control_cost=acc["cost"],
                     support_cost=acc["support_cost"], customer_seconds=acc["sec"])
            if pop["kind"] == "legitimate":
                v = pop.get("value_per_success")
                m["value"] = m["success"] * (sampler.draw(v, f"populations/{pop['id']}/value_per_success") if v is not None else 0)
                m["loss"] = np.zeros(n)
            else:
                v = pop.get("loss_per_success")
                m["loss"] = m["success"] * (sampler.draw(v, f"populations/{pop['id']}/loss_per_success") if v is not None else 0)
                m["value"] = np.zeros(n)
            key = (j["id"], pop["id"])
            if key in per:  # the same population entering twice: add up
                for kk in m:
                    per[key][kk] = per[key][kk] + m[kk]
            else:
                per[key] = m
    tot = {}
    z = np.zeros(n)

    def ssum(kind, metric):
        return sum((m[metric] for (jid, pid), m in per.items() if kind is None or pops[pid]["kind"] == kind), z)

    def rate(a, b):
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(b > 0, a / np.where(b > 0, b, 1), np.nan)

    tot["legit_entrants"] = ssum("legitimate", "entrants")
    tot["legit_success"] = ssum("legitimate", "success")
    tot["legit_success_rate"] = rate(tot["legit_success"], tot["legit_entrants"])
    tot["legit_abandon_rate"] = rate(ssum("legitimate", "abandoned"), tot["legit_entrants"])
    tot["false_reject_rate"] = rate(ssum("legitimate", "blocked"), tot["legit_entrants"])
    tot["attack_entrants"] = ssum("attacker", "entrants")
    tot["attack_success"] = ssum("attacker", "success")
    tot["attack_stopped_rate"] = 1 - rate(tot["attack_success"], tot["attack_entrants"])
    tot["fraud_loss"] = ssum("attacker", "loss")
    tot["support_contacts"] = ssum(None, "support_contacts")
    tot["support_cost"] = ssum(None, "support_cost")
    tot["control_cost"] = ssum(None, "control_cost")
    tot["customer_hours"] = ssum("legitimate", "customer_seconds") / 3600
    tot["value"] = ssum("legitimate", "value")
    tot["net_value"] = tot["value"] - tot["fraud_loss"] - tot["support_cost"] - tot["control_cost"]
    return tot, per


HEADLINE = ("legit_success_rate", "false_reject_rate", "attack_success", "attack_stopped_rate",
            "fraud_loss", "support_contacts", "customer_hours", "net_value")


def fmt(x):
    if not np.isfinite(x):
        return "n/a"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.5f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+")
    ap.add_argument("--iterations", type=int, default=10000)
    ap.add_argument("--mode", choices=["sampled", "expected", "both"], default="sampled")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--scenario", action="append", default=None,
                    help="scenario id to run as well as the baseline (repeatable; 'all' for every scenario)")
    ap.add_argument("--detail", action="store_true", help="also print per journey x population rates")
    ap.add_argument("--json", action="store_true", help="print machine-readable means instead of text")
    args = ap.parse_args(argv)
    modes = ["sampled", "expected"] if args.mode == "both" else [args.mode]
    report = []
    for path in args.models:
        with open(path) as f:
            base = json.load(f)
        scen_ids = ["baseline"]
        wanted = args.scenario or []
        if "all" in wanted:
            wanted = [s["id"] for s in base.get("scenarios", [])]
        scen_ids += wanted
        for sid in scen_ids:
            model = copy.deepcopy(base)
            if sid != "baseline":
                sc = next((s for s in base.get("scenarios", []) if s["id"] == sid), None)
                if sc is None:
                    raise SystemExit(f"{path}: no scenario {sid!r}")
                for ch in sc["changes"]:
                    apply_change(model, ch["path"], ch["value"])
            for mode in modes:
                t0 = time.perf_counter()
                tot, per = simulate(model, args.iterations, mode, args.seed)
                dt = time.perf_counter() - t0
                means = {k: float(np.nanmean(tot[k])) if np.isfinite(tot[k]).any() else None for k in HEADLINE}
                row = dict(model=path, scenario=sid, mode=mode, iterations=args.iterations,
                           seconds=dt, iterations_per_second=args.iterations / dt, means=means)
                if args.detail:
                    row["detail"] = {f"{j}/{p}": {
                        "entrants": float(m["entrants"].mean()),
                        "success_rate": float(np.nanmean(m["success"] / np.maximum(m["entrants"], 1e-12))),
                        "abandon_rate": float(np.nanmean(m["abandoned"] / np.maximum(m["entrants"], 1e-12))),
                        "blocked_rate": float(np.nanmean(m["blocked"] / np.maximum(m["entrants"], 1e-12))),
                        "support_contacts": float(m["support_contacts"].mean()),
                        "attempts": float(m["attempts"].mean())} for (j, p), m in per.items()}
                report.append(row)
                if not args.json:
                    print(f"{path} [{sid}] mode={mode} iterations={args.iterations}: "
                          f"{dt:.2f} s, {args.iterations / dt:,.0f} iterations/s")
                    print("   " + "  ".join(f"{k}={fmt(means[k]) if means[k] is not None else 'n/a'}" for k in HEADLINE))
                    if args.detail:
                        print("   p5/p50/p95: " + "  ".join(
                            f"{k}=" + "/".join(fmt(v) for v in np.nanpercentile(tot[k], [5, 50, 95]))
                            for k in HEADLINE if np.isfinite(tot[k]).any()))
                        for key, d in row["detail"].items():
                            print(f"     {key:32s} entrants={fmt(d['entrants'])} success={d['success_rate']:.5f} "
                                  f"abandon={d['abandon_rate']:.4f} blocked={d['blocked_rate']:.4f} "
                                  f"support={fmt(d['support_contacts'])} attempts={fmt(d['attempts'])}")
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()


if __name__ == "__main__":
    main()
