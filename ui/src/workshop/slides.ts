// What each item puts on the audience's screen: numbers rounded for a room, with their
// interval, built from the engine's answers. Pure, so the tests check the words.
import { compact } from "../format/numbers";
import type { DecisionRecordView, ElicitationView, GateExploration, Judgement, PopulationFlows, RunDashboard, Slide, SlideNumber } from "../ipc";
import { statusWords } from "../results/decisionStore";

/** The part of a slide an item fills. */
export type SlideContent = Pick<Slide, "numbers" | "lines" | "table">;

export const EMPTY_CONTENT: SlideContent = { numbers: [], lines: [] };

const rate = (x: number) => compact(x, "rate", "");

/** A journey with a population's flow: its outcomes and the busiest exits. */
export function journeySlide(flows: PopulationFlows, stepNames: Record<string, string>): SlideContent {
  const outcomes = [...flows.outcomes].sort((a, b) => b[2] - a[2]);
  const numbers: SlideNumber[] = outcomes.slice(0, 4).map(([id, cls, share]) => ({
    label: `${id.replace(/_/g, " ")} (${cls})`,
    value: rate(share),
  }));
  const rows = flows.edges
    .filter((e) => e.share >= 0.005)
    .map((e) => [stepNames[e.step] ?? e.step, e.exit.startsWith("to[") ? "branch" : e.exit, stepNames[e.target] ?? e.target.replace(/_/g, " "), rate(e.share)]);
  return {
    numbers,
    lines: [`${compact(flows.entrants, "count", "")} ${flows.population} enter per period`],
    table: { caption: `Where ${flows.population} go (share of entrants through each exit)`, head: ["step", "exit", "to", "share"], rows },
  };
}

/** Every scenario of a run against its baseline: the paired changes with their P5–P95. */
export function compareSlide(d: RunDashboard): SlideContent {
  const base = d.scenarios.find((s) => s.id === "baseline") ?? d.scenarios[0];
  const others = d.scenarios.filter((s) => s !== base);
  const numbers: SlideNumber[] = (base?.cards ?? []).slice(0, 3).map((c) => ({
    label: `${c.label} (baseline)`,
    value: compact(c.mean, c.unit, d.currency),
    interval: `${compact(c.p5, c.unit, d.currency)} – ${compact(c.p95, c.unit, d.currency)}`,
  }));
  const rows = others.flatMap((s) =>
    s.deltas.map((x) => [
      s.name,
      x.label,
      `${x.mean >= 0 ? "+" : "−"}${compact(Math.abs(x.mean), x.unit, d.currency)}`,
      `${compact(x.p5, x.unit, d.currency)} to ${compact(x.p95, x.unit, d.currency)}`,
      x.better === null || !x.clear ? "unclear" : x.better ? "✓ better" : "✗ worse",
    ]),
  );
  const lines = others.flatMap((s) =>
    s.teams.map((t) => {
      const met = t.guardrails.filter((g) => g.met).length;
      return `${s.name} — ${t.owner_name}: ${met} of ${t.guardrails.length} guardrails met`;
    }),
  );
  return {
    numbers,
    lines,
    table: {
      caption: `Change against the baseline, run ${d.run.id} (seed ${d.run.seed}, ${d.run.iterations.toLocaleString("en-US")} iterations)`,
      head: ["scenario", "metric", "change", "P5 to P95", "verdict"],
      rows,
    },
  };
}

/** A risk gate at the presenter's thresholds. */
export function thresholdSlide(g: GateExploration): SlideContent {
  const p = g.point;
  const met = p.guardrails.filter(([, , ok]) => ok).length;
  return {
    numbers: [
      { label: "Fraud loss", value: compact(p.fraud_loss, "money", g.currency) },
      { label: "Customers challenged", value: rate(p.legit_challenge_rate) },
      { label: "Customers blocked", value: rate(p.legit_gate_block_rate) },
      { label: "Attacks blocked", value: rate(p.attack_gate_block_rate) },
    ],
    lines: [
      `Allow below ${p.allow_below.toFixed(2)} · block at or above ${p.block_at_or_above.toFixed(2)}`,
      `${met} of ${p.guardrails.length} guardrails met${p.all_guardrails_met ? " ✓" : ""}`,
      `Means of ${g.iterations} iterations, seed ${g.seed}`,
    ],
  };
}

/** An elicitation round: hidden until revealed, then every estimate and the pool. */
export function elicitSlide(judgements: Judgement[], revealed: boolean, view: ElicitationView | null, probability: boolean): SlideContent {
  if (!revealed) {
    return {
      numbers: [{ label: "Estimates collected", value: String(judgements.length) }],
      lines: ["Answers stay hidden until everyone has given theirs."],
    };
  }
  const unit = probability ? "rate" : "number";
  const f = (x: number | undefined) => (x === undefined ? "—" : compact(x, unit, ""));
  const rows = judgements.map((j) => [j.expert, f(j.quantiles["0.05"]), f(j.quantiles["0.5"]), f(j.quantiles["0.95"]), j.rationale ?? ""]);
  const pool = view?.pool;
  return {
    numbers:
      pool && pool.mean !== null
        ? [{ label: "Pooled estimate", value: f(pool.mean), interval: `${f(pool.p5 ?? undefined)} – ${f(pool.p95 ?? undefined)}` }]
        : [],
    lines: [],
    table: { caption: "Each estimate (5 %, 50 %, 95 %)", head: ["who", "P5", "P50", "P95", "why"], rows },
  };
}

/** A decision: its status and each required team's latest word. */
export function decisionSlide(r: DecisionRecordView): SlideContent {
  const word = (w: string | null) => (w === null ? "— not yet" : w === "approve" ? "✓ approve" : w === "reject" ? "✗ reject" : w);
  return {
    numbers: [{ label: "Status", value: statusWords(r.status) }],
    lines: r.summary_line ? [r.summary_line] : [],
    table: {
      caption: `Who must sign off ${r.scenario_name}; accountable: ${r.accountable}`,
      head: ["team", "role", "latest word", "by"],
      rows: r.required.map((t) => [t.name, t.role, word(t.latest), t.latest_by ?? ""]),
    },
  };
}
