// Quick what-if: while the toggle is on, every edit re-runs the edited (unsaved)
// document in expected mode, with one seed kept for the whole session so successive
// edits are compared on the same draws. No debounce (see util/latestRequests): an answer
// arrives one round trip (tens of ms) after an edit.

import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, MetricUnit, WhatIf } from "../ipc";
import { toErrorPayload } from "../ipc";
import { formatDelta, formatValue } from "../results/format";
import { latestRequests } from "../util/latestRequests";

export const WHAT_IF_ITERATIONS = 300;

/** The headline numbers of the strip, in order. */
export const WHAT_IF_HEADLINES: { key: string; label: string; unit: MetricUnit }[] = [
  { key: "legit_success_rate", label: "Legit success", unit: "rate" },
  { key: "legit_abandon_rate", label: "Abandonment", unit: "rate" },
  { key: "false_reject_rate", label: "False rejects", unit: "rate" },
  { key: "attack_success", label: "Attack success", unit: "count" },
  { key: "fraud_loss", label: "Fraud loss", unit: "money" },
  { key: "support_contacts", label: "Support contacts", unit: "count" },
];

export interface WhatIfState {
  on: boolean;
  /** The seed kept while the toggle is on. */
  seed: number | null;
  /** The first result after the toggle was switched on (what changes are measured from). */
  baseline: WhatIf | null;
  current: WhatIf | null;
  error: ErrorPayload | null;
  running: boolean;
  /** Milliseconds from the edit to its answer being in the store, for the last answer. */
  latencyMs: number | null;
  /** Switches the toggle; switching on evaluates `doc` at once with a new seed. */
  setOn(on: boolean, doc: unknown): void;
  /** The document was edited: re-evaluate (at once, or when the answer in flight is in). */
  docChanged(doc: unknown): void;
  dispose(): void;
}

export type WhatIfStore = StoreApi<WhatIfState>;

/** One headline: its mean now and the change since the toggle was switched on. */
export interface Headline {
  key: string;
  label: string;
  value: string;
  delta: string | null;
  mean: number;
}

function meanOf(result: WhatIf | null, key: string): number | undefined {
  return result?.totals.find(([name]) => name === key)?.[1].mean;
}

/** The strip's numbers, formatted with the model currency (absent totals left out). */
export function headlines(baseline: WhatIf | null, current: WhatIf | null, currency: string): Headline[] {
  const out: Headline[] = [];
  for (const h of WHAT_IF_HEADLINES) {
    const now = meanOf(current, h.key);
    if (now === undefined) continue;
    const before = meanOf(baseline, h.key);
    out.push({
      key: h.key,
      label: h.label,
      mean: now,
      value: formatValue(now, h.unit, currency),
      delta: before === undefined ? null : formatDelta(now - before, h.unit, currency),
    });
  }
  return out;
}

export function createWhatIfStore(
  backend: Backend,
  options: { iterations?: number; newSeed?: () => number; now?: () => number } = {},
): WhatIfStore {
  const iterations = options.iterations ?? WHAT_IF_ITERATIONS;
  const newSeed = options.newSeed ?? (() => Math.floor(Math.random() * 2 ** 31));

  return createStore<WhatIfState>()((set, get) => {
    const requests = latestRequests(
      (doc: unknown) => backend.whatIf(doc, iterations, get().seed ?? 0),
      {
        onAnswer: (result, _doc, latencyMs) =>
          set({ current: result, baseline: get().baseline ?? result, error: null, latencyMs }),
        onError: (error, _doc, latencyMs) => set({ error: toErrorPayload(error), latencyMs }),
        onBusy: (running) => set({ running }),
      },
      options.now,
    );
    return {
      on: false,
      seed: null,
      baseline: null,
      current: null,
      error: null,
      running: false,
      latencyMs: null,
      setOn(on, doc) {
        requests.reset();
        if (!on) {
          set({ on: false, seed: null, baseline: null, current: null, error: null, running: false, latencyMs: null });
          return;
        }
        set({ on: true, seed: newSeed(), baseline: null, current: null, error: null, latencyMs: null });
        requests.submit(doc);
      },
      docChanged(doc) {
        if (get().on) requests.submit(doc);
      },
      dispose() {
        requests.reset();
      },
    };
  });
}
