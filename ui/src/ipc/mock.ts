import type { Backend } from "./backend";
import { createMockRunsBackend, type MockRunsOptions } from "./runs";
import type { ErrorPayload, ExampleSummary, Issue, ModelView, WhatIf } from "./types";

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
  return {
    kind: "mock",
    ...createMockRunsBackend(data.runs),
    async whatIf(document, iterations, seed) {
      return mockWhatIf(document, iterations, seed);
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
export function mockWhatIf(document: unknown, iterations: number, seed: number): WhatIf {
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
