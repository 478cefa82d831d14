// The in-memory backend for the browser preview (`npm run dev`) and the UI tests: no
// engine, but answers of the generated types (./gen) that move the way the engine's do.
import type { Backend } from "./backend";
import type { EdgeFlow, ErrorPayload, ExampleSummary, Issue, ModelView, PopulationFlows, QuantityDomain, QuantityView, WhatIf } from "./gen";
import { VOCABULARY } from "./gen/vocabularyValues";
import { createMockAnalysisBackend, type MockAnalysisOptions } from "./mockAnalysis";
import { createMockDecisionsBackend, type MockDecisionsOptions } from "./mockDecisions";
import { createMockWorkshopsBackend } from "./mockWorkshops";
import { mockExploreGate } from "./mockExplorer";
import { createMockEvidenceBackend } from "./mockEvidence";
import { createMockRoutesBackend } from "./mockRoutes";
import { createMockRunsBackend, type MockRunsOptions } from "./mockRuns";

/** What a mock backend serves: models by path, and optional failures. */
export interface MockData {
  models: ModelView[];
  /** When set, `listExamples` rejects with it. */
  listError?: ErrorPayload;
  /** Per path: `openModel` rejects with it. */
  openErrors?: Record<string, ErrorPayload>;
  /** Milliseconds to wait before answering (to show loading states). */
  delayMs?: number;
  /** Options of the in-memory runs (see `createMockRunsBackend`). */
  runs?: MockRunsOptions;
  /** What the Open / Save As dialogs answer (`null`, the default: cancelled). */
  dialogPath?: string | null;
  /** Options of the analysis mock (export dialog answer, precision outcomes). */
  analysis?: MockAnalysisOptions;
  /** Options of the decisions mock (required teams, pack dialog answer). */
  decisions?: MockDecisionsOptions;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Summarises a model the way `journeylab_app::list_examples` does. */
export function summarise(model: ModelView): ExampleSummary {
  return {
    path: model.path,
    file_name: fileName(model.path),
    name: model.name,
    description: model.description,
    journey_count: model.journeys.length,
    valid: !model.issues.some((issue) => issue.severity === "error"),
  };
}

/** An in-memory backend for the browser (`npm run dev`) and for tests. */
export function createMockBackend(data: MockData = sampleData()): Backend {
  const byPath = new Map(data.models.map((m) => [m.path, m]));
  const savedVersions = new Map<string, string[]>();
  let recent: string[] = [];
  const runsBackend = createMockRunsBackend(data.runs);
  return {
    kind: "mock",
    ...runsBackend,
    ...createMockAnalysisBackend(data.analysis),
    ...createMockDecisionsBackend(data.decisions),
    ...createMockEvidenceBackend(),
    ...createMockWorkshopsBackend(),
    ...createMockRoutesBackend(async (runId) => (await runsBackend.listRuns("")).find((r) => r.id === runId)?.model_key),
    async runFlows(runId, journey, population) {
      // The run's model: the last version saved in this mock, else the model opened.
      const run = (await runsBackend.listRuns("")).find((r) => r.id === runId);
      if (!run || run.status !== "finished") throw { code: "run_failed", message: `run ${runId} has no result` };
      const stem = (p: string) => fileName(p).replace(/\.json$/, "");
      const saved = [...savedVersions.entries()].find(([p]) => stem(p) === run.model_key)?.[1].at(-1);
      const document = saved !== undefined ? (JSON.parse(saved) as unknown) : [...byPath.values()].find((m) => stem(m.path) === run.model_key)?.document;
      return mockFlows(document, journey, population);
    },
    async describeQuantity(quantity, domain) {
      return mockDescribeQuantity(quantity, domain);
    },
    async whatIf(document, iterations, seed) {
      return mockWhatIf(document, iterations, seed);
    },
    async exploreGate(document, gate, allowBelow, blockAtOrAbove, iterations, seed) {
      if (data.delayMs) await wait(data.delayMs);
      return mockExploreGate(document, gate, allowBelow, blockAtOrAbove, iterations, seed);
    },
    async listExamples() {
      if (data.delayMs) await wait(data.delayMs);
      if (data.listError) throw data.listError;
      return [...data.models]
        .sort((a, b) => fileName(a.path).localeCompare(fileName(b.path)))
        .map(summarise);
    },
    async openModel(path) {
      if (data.delayMs) await wait(data.delayMs);
      const failure = data.openErrors?.[path];
      if (failure) throw failure;
      const model = byPath.get(path);
      if (!model) throw { code: "io", message: `${path}: No such file or directory (os error 2)` };
      return model;
    },
    async pickOpenPath() {
      return data.dialogPath ?? null;
    },
    async pickSavePath() {
      return data.dialogPath ?? null;
    },
    async recentFiles() {
      return [...recent];
    },
    async recordRecentFile(path) {
      recent = [path, ...recent.filter((p) => p !== path)].slice(0, 10);
      return [...recent];
    },
    async validateDocument(json) {
      return mockValidate(json);
    },
    async saveModelFile(path, json) {
      const document = JSON.parse(json) as unknown;
      const name = (document as { name?: string }).name ?? fileName(path);
      const versions = (savedVersions.get(path)?.length ?? 0) + 1;
      savedVersions.set(path, [...(savedVersions.get(path) ?? []), json]);
      byPath.set(path, { ...(byPath.get(path) ?? emptyView(path)), name, document });
      return { path, version: versions, model_key: fileName(path).replace(/\.json$/, ""), version_error: null };
    },
    async modelHistory(path) {
      const key = fileName(path).replace(/\.json$/, "");
      return (savedVersions.get(path) ?? [])
        .map((_, i) => ({ id: i + 1, model_id: 1, model_key: key, version: i + 1, content_hash: "", note: "saved in the editor", created_at: "" }))
        .reverse();
    },
    async modelVersionText(path, version) {
      const text = savedVersions.get(path)?.[version - 1];
      if (text === undefined) throw { code: "store", message: `no version ${version} of ${path}` };
      return text;
    },
  };
}

function emptyView(path: string): ModelView {
  return { path, name: fileName(path), description: null, currency: "USD", period: "month", journeys: [], issues: [], document: {} };
}

/** A small stand-in for the engine's validation: syntax and dangling exits only. */
export function mockValidate(json: string): Issue[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    return [{ severity: "error", path: "", message: `the file is not valid JSON: ${String(error)}` }];
  }
  const issues: Issue[] = [];
  const journeys = (doc as { journeys?: unknown }).journeys;
  for (const j of Array.isArray(journeys) ? journeys : []) {
    const steps: { id: string; next?: unknown; on?: Record<string, unknown>; to?: { target?: unknown }[] }[] =
      Array.isArray(j?.steps) ? j.steps : [];
    const known = new Set(["success", "abandoned", "blocked", ...steps.map((s) => s.id)]);
    for (const s of steps) {
      const exits: [string, unknown][] = [];
      if (s.next !== undefined) exits.push(["next", s.next]);
      for (const [k, v] of Object.entries(s.on ?? {})) exits.push([`on.${k}`, v]);
      (s.to ?? []).forEach((e, i) => exits.push([`to[${i}].target`, e?.target]));
      for (const [where, target] of exits) {
        if (typeof target === "string" && !known.has(target)) {
          issues.push({
            severity: "error",
            path: `journeys[${String(j.id)}].steps[${s.id}].${where}`,
            message: `\`${target}\` names no step or outcome of this journey`,
          });
        }
      }
    }
  }
  return issues;
}

/** Two small models (one with a validation error) for the browser preview. */
export function sampleData(): MockData {
  return {
    models: [
      {
        path: "mock/consumer-sign-in.json",
        name: "Consumer sign-in",
        description: "Password and one-time code for a consumer app (mock data).",
        currency: "USD",
        period: "month",
        journeys: [
          {
            id: "sign_in",
            name: "Sign in",
            owner: "identity",
            sensitive: false,
            step_count: 4,
            populations: ["customers", "credential_stuffers"],
          },
          {
            id: "change_email",
            name: "Change e-mail address",
            owner: "identity",
            sensitive: true,
            step_count: 3,
            populations: ["customers", "account_takeover"],
          },
        ],
        issues: [],
        document: {},
      },
      {
        path: "mock/broken-recovery.json",
        name: "Account recovery (draft)",
        description: "A draft with a dangling exit (mock data).",
        currency: "EUR",
        period: "week",
        journeys: [
          {
            id: "recover",
            name: "Recover account",
            owner: null,
            sensitive: true,
            step_count: 2,
            populations: ["customers"],
          },
        ],
        issues: [
          {
            severity: "error",
            path: "journeys[recover].steps[otp].on.pass",
            message: "exit points to unknown step `done`",
          },
        ],
        document: {},
      },
    ],
  };
}

/**
 * A stand-in for the engine's what-if: invalid JSON-shaped documents (a `format` other
 * than the model format, or dangling exits) reject with `invalid_model`; otherwise
 * totals derived deterministically from the document's numbers, so an edit changes them.
 */
export function mockWhatIf(document: unknown, iterations: number, seed: string): WhatIf {
  const text = JSON.stringify(document ?? null);
  const issues = mockValidate(text).filter((i) => i.severity === "error");
  const format = (document as { format?: unknown } | null)?.format;
  if (issues.length > 0 || (typeof format === "string" && !format.startsWith("journeylab"))) {
    const first = issues[0];
    throw {
      code: "invalid_model",
      message: first ? `${first.path}: ${first.message}` : `unknown format \`${String(format)}\``,
    } satisfies ErrorPayload;
  }
  let sum = 0;
  for (const m of text.matchAll(/-?\d+(\.\d+)?/g)) sum += Number(m[0]);
  const f = (Math.abs(sum) % 1000) / 1000;
  const s = (mean: number) => ({ mean, sd: 0, se: 0, p5: mean, p50: mean, p95: mean, min: mean, max: mean });
  return {
    seed,
    iterations,
    totals: [
      ["legit_success_rate", s(0.9 - f * 0.1)],
      ["legit_abandon_rate", s(0.05 + f * 0.05)],
      ["false_reject_rate", s(0.01 + f * 0.01)],
      ["attack_success", s(100 + f * 50)],
      ["fraud_loss", s(10000 + sum)],
      ["support_contacts", s(500 + f * 100)],
    ],
  };
}

/** Exits of a step as the engine names them, with their targets (defaults as in the spec). */
function mockExits(step: Record<string, unknown>): { exit: string; target: unknown }[] {
  const on = (step.on ?? {}) as Record<string, unknown>;
  switch (step.kind) {
    case "action":
      return [{ exit: "next", target: step.next }, { exit: "abandon", target: "abandoned" }];
    case "control":
      return [{ exit: "pass", target: on.pass }, { exit: "fail", target: on.fail ?? "blocked" }, { exit: "abandon", target: on.abandon ?? "abandoned" }];
    case "risk_gate":
      return [{ exit: "allow", target: on.allow }, { exit: "challenge", target: on.challenge }, { exit: "block", target: on.block ?? "blocked" }];
    case "support":
      return [{ exit: "resolved", target: on.resolved }, { exit: "unresolved", target: on.unresolved ?? "abandoned" }];
    case "branch":
      return (Array.isArray(step.to) ? (step.to as { target?: unknown }[]) : []).map((e, i) => ({ exit: `to[${i}]`, target: e?.target }));
    default:
      return [];
  }
}

/** Made-up exit probabilities: customers mostly get through, attackers mostly fail. */
function mockProbabilities(step: Record<string, unknown>, attacker: boolean): number[] {
  switch (step.kind) {
    case "action":
      return attacker ? [0.97, 0.03] : [0.92, 0.08];
    case "control":
      return attacker ? [0.25, 0.7, 0.05] : [0.9, 0.04, 0.06];
    case "risk_gate":
      return attacker ? [0.15, 0.45, 0.4] : [0.75, 0.23, 0.02];
    case "support":
      return [0.7, 0.3];
    case "branch": {
      const to = Array.isArray(step.to) ? (step.to as { p?: unknown }[]) : [];
      const fixed = to.map((e) => (typeof e?.p === "number" ? e.p : e?.p === undefined ? null : 1 / to.length));
      const rest = Math.max(0, 1 - fixed.reduce<number>((a, p) => a + (p ?? 0), 0));
      return fixed.map((p) => p ?? rest);
    }
    default:
      return [];
  }
}

/**
 * A stand-in for the engine's flows: the expected share of entrants over each exit with
 * made-up probabilities (see `mockProbabilities`), loops solved by repeated sweeps.
 */
export function mockFlows(document: unknown, journeyId: string, population: string): PopulationFlows {
  const doc = (document ?? {}) as { journeys?: unknown; populations?: unknown };
  const journey = (Array.isArray(doc.journeys) ? doc.journeys : []).find((j: { id?: unknown }) => j?.id === journeyId) as
    | { entry?: unknown; steps?: unknown; entrants?: unknown }
    | undefined;
  const entrant = (Array.isArray(journey?.entrants) ? journey.entrants : []).find((e: { population?: unknown }) => e?.population === population) as
    | { volume?: unknown }
    | undefined;
  if (!journey || !entrant) {
    throw { code: "run_failed", message: `population \`${population}\` does not enter journey \`${journeyId}\`` } satisfies ErrorPayload;
  }
  const pop = (Array.isArray(doc.populations) ? doc.populations : []).find((p: { id?: unknown }) => p?.id === population) as { kind?: unknown } | undefined;
  const attacker = pop?.kind === "attacker";
  const steps = (Array.isArray(journey.steps) ? journey.steps : []) as Record<string, unknown>[];
  const plan = steps.map((step) => {
    const probs = mockProbabilities(step, attacker);
    return mockExits(step).map((e, i) => ({ ...e, p: probs[i] ?? 0 }));
  });
  const index = new Map(steps.map((s, i) => [s.id, i]));
  let visits = steps.map((s) => (s.id === journey.entry ? 1 : 0));
  for (let sweep = 0; sweep < 200; sweep++) {
    const next = steps.map((s) => (s.id === journey.entry ? 1 : 0));
    plan.forEach((exits, s) => {
      for (const e of exits) {
        const t = index.get(e.target);
        if (t !== undefined && steps[t]?.kind !== "outcome") next[t]! += visits[s]! * e.p;
      }
    });
    visits = next;
  }
  const edges: EdgeFlow[] = [];
  const ended = new Map<string, number>();
  plan.forEach((exits, s) => {
    for (const e of exits) {
      const share = visits[s]! * e.p;
      const target = String(e.target ?? "");
      edges.push({ journey: journeyId, step: String(steps[s]!.id), exit: e.exit, target, share });
      const t = index.get(e.target);
      if (t === undefined || steps[t]?.kind === "outcome") ended.set(target, (ended.get(target) ?? 0) + share);
    }
  });
  const classOf = (id: string) => {
    const step = steps[index.get(id) ?? -1];
    return step ? String(step.class ?? "") : id;
  };
  return {
    population,
    entrants: typeof entrant.volume === "number" ? entrant.volume : 10_000,
    edges,
    outcomes: [...ended.entries()].map(([id, share]) => [id, classOf(id), share]),
  };
}

/**
 * A stand-in for the engine's `describe_quantity`, for the preview and the UI tests: it
 * reads the distribution's parameters but does no distribution maths (the real numbers
 * come from the engine; the e2e tests check them in the app). The mean is the middle of
 * the bounds, P5–P95 the bounds themselves, the density flat.
 */
export function mockDescribeQuantity(quantity: unknown, domain: QuantityDomain): QuantityView {
  const bad = (problem: string): QuantityView => ({ valid: false, problems: [problem], mean: null, p5: null, p95: null, fixed: false, density: [] });
  const flat = (lo: number, hi: number): QuantityView => ({
    valid: true,
    problems: [],
    mean: (lo + hi) / 2,
    p5: lo,
    p95: hi,
    fixed: lo === hi,
    density: lo === hi ? [] : [[lo, 1 / (hi - lo)], [hi, 1 / (hi - lo)]],
  });
  if (typeof quantity === "number") return flat(quantity, quantity);
  if (typeof quantity !== "object" || quantity === null) return bad("expected a Quantity");
  const entries = Object.entries(quantity).filter(([k]) => k !== "source" && !k.startsWith("x-"));
  const [key, raw] = entries[0] ?? [];
  if (entries.length !== 1 || !VOCABULARY.distributions.some((d) => d.key === key)) return bad("a Quantity needs exactly one distribution key");
  const params = (Array.isArray(raw) ? raw : [raw]).map(Number);
  if (!params.every(Number.isFinite)) return bad("distribution parameters must be finite numbers");
  if (key === "lognormal" && domain === "probability") return bad("a lognormal is unbounded and cannot be a probability: use beta or pert");
  if (key === "beta") return flat(0, 1);
  const lo = params[0] ?? 0;
  const hi = params[params.length - 1] ?? lo;
  if (!params.every((p, i) => i === 0 || params[i - 1]! <= p)) return bad("bounds out of order");
  return flat(lo, hi);
}
