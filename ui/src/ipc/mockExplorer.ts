// The mock backend's threshold explorer: no engine, but numbers that move the way the
// engine's do. Legitimate users' risk scores are mostly low (CDF 1 − (1 − x)⁴),
// attackers' mostly high (CDF x²); a challenge stops 80 % of attacks and loses 10 % of
// the customers it meets. So raising allow_below always raises fraud loss and lowers
// friction, and raising block_at_or_above lowers false rejects — monotone, like the
// engine on the fixtures.

import type { ErrorPayload, GateExploration, GuardrailView, RiskGate, SweepPoint } from "./gen";

const legitCdf = (x: number) => 1 - (1 - x) ** 4;
const attackCdf = (x: number) => x * x;
const ATTACKS = 2000;
const LOSS_PER_ATTACK = 250;
const GRID_STEP = 0.05;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** The risk gates of a document, in order. */
export function mockRiskGates(document: unknown): RiskGate[] {
  const out: RiskGate[] = [];
  for (const j of list(isObj(document) ? document.journeys : undefined)) {
    for (const s of list(j.steps)) {
      if (s.kind !== "risk_gate") continue;
      out.push({
        journey: String(j.id),
        journey_name: typeof j.name === "string" ? j.name : String(j.id),
        step: String(s.id),
        name: typeof s.name === "string" ? s.name : String(s.id),
        signal: typeof s.signal === "string" ? s.signal : null,
        allow_below: typeof s.allow_below === "number" ? s.allow_below : null,
        block_at_or_above: typeof s.block_at_or_above === "number" ? s.block_at_or_above : null,
      });
    }
  }
  return out;
}

function totalsAt(a: number, b: number): Record<string, number> {
  const challenged = legitCdf(b) - legitCdf(a);
  const attacks = ATTACKS * (attackCdf(a) + 0.2 * (attackCdf(b) - attackCdf(a)));
  return {
    legit_success_rate: legitCdf(a) + 0.9 * challenged,
    legit_abandon_rate: 0.1 * challenged,
    false_reject_rate: 1 - legitCdf(b),
    attack_success: attacks,
    fraud_loss: attacks * LOSS_PER_ATTACK,
    support_contacts: 500 + 20000 * (1 - legitCdf(b)) + 3000 * challenged,
  };
}

/** Probability a guardrail is met: a logistic curve around its limit. */
function probability(value: number, min: number | null, max: number | null): number {
  const scale = (limit: number) => Math.max(Math.abs(limit) * 0.05, 1e-4);
  let p = 1;
  if (max !== null) p *= 1 / (1 + Math.exp((value - max) / scale(max)));
  if (min !== null) p *= 1 / (1 + Math.exp((min - value) / scale(min)));
  return p;
}

function guardrailsAt(document: Obj, totals: Record<string, number>, a: number, b: number): GuardrailView[] {
  const teams = list(isObj(document.owners) ? document.owners.teams : undefined);
  return list(document.guardrails).map((g) => {
    const owner = String(g.owner ?? "");
    const scoped = typeof g.journey === "string" || typeof g.population === "string";
    const value = scoped ? attackCdf(a) + 0.2 * (attackCdf(b) - attackCdf(a)) : (totals[String(g.metric)] ?? 0);
    const min = typeof g.min === "number" ? g.min : null;
    const max = typeof g.max === "number" ? g.max : null;
    const confidence = typeof g.confidence === "number" ? g.confidence : 0.9;
    const p = probability(value, min, max);
    const name = teams.find((t) => t.id === owner)?.name;
    return {
      id: String(g.id),
      owner,
      owner_name: typeof name === "string" ? name : owner,
      metric: String(g.metric ?? ""),
      journey: typeof g.journey === "string" ? g.journey : null,
      population: typeof g.population === "string" ? g.population : null,
      min,
      max,
      confidence,
      probability_met: p,
      met: p >= confidence,
    };
  });
}

function pointAt(document: Obj, a: number, b: number): SweepPoint {
  const totals = totalsAt(a, b);
  const guardrails = guardrailsAt(document, totals, a, b);
  return {
    allow_below: a,
    block_at_or_above: b,
    legit_challenge_rate: legitCdf(b) - legitCdf(a),
    legit_gate_block_rate: 1 - legitCdf(b),
    attack_gate_block_rate: 1 - attackCdf(b),
    totals,
    legit_friction: 1 - totals.legit_success_rate!,
    fraud_loss: totals.fraud_loss!,
    guardrails: guardrails.map((g) => [g.id, g.probability_met, g.met]),
    all_guardrails_met: guardrails.every((g) => g.met),
    pareto: false,
  };
}

const dominates = (p: SweepPoint, q: SweepPoint) =>
  p.legit_friction <= q.legit_friction && p.fraud_loss <= q.fraud_loss && (p.legit_friction < q.legit_friction || p.fraud_loss < q.fraud_loss);

/** The mock's answer to `exploreGate`, with the engine's errors for bad requests. */
export function mockExploreGate(
  document: unknown,
  gate: string,
  allowBelow: number,
  blockAtOrAbove: number,
  iterations: number,
  seed: string,
): GateExploration {
  const fail = (message: string): never => {
    throw { code: "run_failed", message } satisfies ErrorPayload;
  };
  for (const [name, x] of [["allow_below", allowBelow], ["block_at_or_above", blockAtOrAbove]] as const) {
    if (!(x >= 0 && x <= 1)) fail(`${name} must be between 0 and 1 (got ${x})`);
  }
  if (blockAtOrAbove < allowBelow) fail(`block_at_or_above (${blockAtOrAbove}) must not be below allow_below (${allowBelow})`);
  const info = mockRiskGates(document).find((g) => `${g.journey}/${g.step}` === gate);
  if (!info) {
    const [j, s] = gate.split("/");
    return fail(s === undefined ? `\`${gate}\`: name the gate as JOURNEY/STEP` : `journey \`${j}\` has no risk gate \`${s}\``);
  }
  const doc = document as Obj;
  const curve: SweepPoint[] = [];
  for (let k = 0; k <= Math.round(1 / GRID_STEP); k++) {
    const a = Math.round(k * GRID_STEP * 100) / 100;
    if (a <= blockAtOrAbove) curve.push(pointAt(doc, a, blockAtOrAbove));
  }
  for (const p of curve) p.pareto = !curve.some((q) => q !== p && dominates(q, p));
  const point = pointAt(doc, allowBelow, blockAtOrAbove);
  point.pareto = !curve.some((q) => dominates(q, point));
  const reference = pointAt(doc, info.allow_below ?? 0, info.block_at_or_above ?? 1);
  const decider = list(isObj(doc.owners) ? doc.owners.teams : undefined).find(
    (t) => Array.isArray(t.decides) && t.decides.includes("risk_thresholds"),
  );
  return {
    gate,
    info,
    deciding_team: decider ? String(decider.id) : null,
    currency: typeof doc.currency === "string" ? doc.currency : "USD",
    iterations,
    seed,
    mode: "expected",
    point,
    reference,
    curve,
    guardrails: guardrailsAt(doc, point.totals, allowBelow, blockAtOrAbove),
    compute_ms: 0,
    curve_cached: false,
  };
}
