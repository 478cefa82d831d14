// Quick what-if: while the toggle is on, every edit re-runs the edited (unsaved)
// document in expected mode, with one seed kept for the whole session so successive
// edits are compared on the same draws. No debounce: one request in flight at a time and
// the newest edit next, so an answer arrives one round trip (tens of ms) after an edit.

import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, MetricUnit, WhatIf } from "../ipc";
import { toErrorPayload } from "../ipc";
import { formatDelta, formatValue } from "../results/format";

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
  const now = options.now ?? (() => performance.now());
  // Bumped on every switch and dispose: an answer from an older generation is dropped.
  let generation = 0;
  let inFlight = false;
  // The newest edit not yet sent, and when it was made (the latency clock starts there).
  let pending: { doc: unknown; since: number } | null = null;

  return createStore<WhatIfState>()((set, get) => {
    // No debounce: an edit is sent at once unless a request is in flight; edits made
    // meanwhile collapse into the newest, sent as soon as the answer is in. So a single
    // edit costs one round trip, and fast typing never queues stale work.
    const pump = async () => {
      if (inFlight || pending === null) return;
      const { doc, since } = pending;
      pending = null;
      const { on, seed } = get();
      if (!on || seed === null) return;
      const mine = generation;
      inFlight = true;
      set({ running: true });
      try {
        const result = await backend.whatIf(doc, iterations, seed);
        if (mine === generation && get().on && pending === null) {
          set({ current: result, baseline: get().baseline ?? result, error: null, latencyMs: now() - since });
        }
      } catch (error) {
        if (mine === generation && get().on && pending === null) {
          set({ error: toErrorPayload(error), latencyMs: now() - since });
        }
      } finally {
        if (mine === generation) {
          inFlight = false;
          set({ running: pending !== null });
          void pump();
        }
      }
    };
    const submit = (doc: unknown) => {
      pending = { doc, since: now() };
      void pump();
    };
    const reset = () => {
      generation++;
      inFlight = false;
      pending = null;
    };
    return {
      on: false,
      seed: null,
      baseline: null,
      current: null,
      error: null,
      running: false,
      latencyMs: null,
      setOn(on, doc) {
        reset();
        if (!on) {
          set({ on: false, seed: null, baseline: null, current: null, error: null, running: false, latencyMs: null });
          return;
        }
        set({ on: true, seed: newSeed(), baseline: null, current: null, error: null, latencyMs: null });
        submit(doc);
      },
      docChanged(doc) {
        if (!get().on) return;
        submit(doc);
      },
      dispose() {
        reset();
      },
    };
  });
}
