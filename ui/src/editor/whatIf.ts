// Quick what-if: while the toggle is on, every edit re-runs the edited (unsaved)
// document in expected mode (debounced), with one seed kept for the whole session so
// successive edits are compared on the same draws.

import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, MetricUnit, WhatIf } from "../ipc";
import { toErrorPayload } from "../ipc";
import { formatDelta, formatValue } from "../results/format";

export const WHAT_IF_ITERATIONS = 300;
export const WHAT_IF_DEBOUNCE_MS = 150;

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
  /** Switches the toggle; switching on evaluates `doc` at once with a new seed. */
  setOn(on: boolean, doc: unknown): void;
  /** The document was edited: re-evaluate after the debounce (no-op while off). */
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
  options: { debounceMs?: number; iterations?: number; newSeed?: () => number } = {},
): WhatIfStore {
  const debounceMs = options.debounceMs ?? WHAT_IF_DEBOUNCE_MS;
  const iterations = options.iterations ?? WHAT_IF_ITERATIONS;
  const newSeed = options.newSeed ?? (() => Math.floor(Math.random() * 2 ** 31));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let request = 0;

  return createStore<WhatIfState>()((set, get) => {
    const evaluate = async (doc: unknown) => {
      const { on, seed } = get();
      if (!on || seed === null) return;
      const mine = ++request;
      set({ running: true });
      try {
        const result = await backend.whatIf(doc, iterations, seed);
        if (mine !== request || !get().on) return;
        set({ current: result, baseline: get().baseline ?? result, error: null, running: false });
      } catch (error) {
        if (mine !== request || !get().on) return;
        set({ error: toErrorPayload(error), running: false });
      }
    };
    const cancel = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    return {
      on: false,
      seed: null,
      baseline: null,
      current: null,
      error: null,
      running: false,
      setOn(on, doc) {
        cancel();
        request++;
        if (!on) {
          set({ on: false, seed: null, baseline: null, current: null, error: null, running: false });
          return;
        }
        set({ on: true, seed: newSeed(), baseline: null, current: null, error: null });
        void evaluate(doc);
      },
      docChanged(doc) {
        if (!get().on) return;
        cancel();
        timer = setTimeout(() => {
          timer = null;
          void evaluate(doc);
        }, debounceMs);
      },
      dispose() {
        cancel();
        request++;
      },
    };
  });
}
