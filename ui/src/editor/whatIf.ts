// Quick what-if: while the toggle is on, every edit re-runs the edited (unsaved)
// document in expected mode, with one seed kept for the whole session so successive
// edits are compared on the same draws. No debounce (see util/latestRequests): an answer
// arrives one round trip (tens of ms) after an edit.

import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, MetricDef, WhatIf } from "../ipc";
import { toErrorPayload } from "../ipc";
import { formatDelta, formatValue } from "../format/numbers";
import { randomSeed } from "../results/format";
import { LIVE_HEADLINES } from "../vocab";
import { latestRequests } from "../util/latestRequests";

export const WHAT_IF_ITERATIONS = 300;

/** The headline numbers of the strip, in order (labels and units from the catalogue). */
export const WHAT_IF_HEADLINES: MetricDef[] = LIVE_HEADLINES;

export interface WhatIfState {
  on: boolean;
  /** The seed kept while the toggle is on. */
  seed: string | null;
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
    const now = meanOf(current, h.id);
    if (now === undefined) continue;
    const before = meanOf(baseline, h.id);
    out.push({
      key: h.id,
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
  options: { iterations?: number; newSeed?: () => string; now?: () => number } = {},
): WhatIfStore {
  const iterations = options.iterations ?? WHAT_IF_ITERATIONS;
  const newSeed = options.newSeed ?? (() => randomSeed());

  return createStore<WhatIfState>()((set, get) => {
    const requests = latestRequests(
      (doc: unknown) => backend.whatIf(doc, iterations, get().seed ?? "0"),
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
