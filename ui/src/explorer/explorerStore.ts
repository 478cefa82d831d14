// The threshold explorer's state: two slider values of one risk gate and the backend's
// answer for them. A drag fires many input events: at most one request is in flight and
// moves made meanwhile collapse into the newest (util/latestRequests). The latency of
// each answer (slider move → numbers in the store) is recorded: the explorer promises
// 100 ms and shows what it measured.

import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, GateExploration } from "../ipc";
import { toErrorPayload } from "../ipc";
import { randomSeed } from "../results/format";
import { latestRequests } from "../util/latestRequests";

/** Iterations of every point (expected mode): enough for stable means, fast to answer. */
export const EXPLORER_ITERATIONS = 300;
/** Slider resolution. */
export const THRESHOLD_STEP = 0.01;
/** Latencies kept for display and for the e2e test. */
const LATENCY_HISTORY = 50;

export interface ExplorerState {
  /** `journey/step` of the gate. */
  gate: string;
  allowBelow: number;
  blockAtOrAbove: number;
  /** The seed of the whole session (common random numbers across slider moves). */
  seed: string;
  /** The newest answer (for the thresholds in `answeredFor`). */
  result: GateExploration | null;
  /** The thresholds `result` is for (the sliders may already be elsewhere). */
  answeredFor: { allowBelow: number; blockAtOrAbove: number } | null;
  error: ErrorPayload | null;
  /** A request is in flight or waiting. */
  running: boolean;
  /** Milliseconds from a slider move to its numbers, for the last answer. */
  latencyMs: number | null;
  /** The same for the recent answers, oldest first. */
  latencies: number[];
  /** Moves the allow slider; the block slider follows when pushed past it. */
  setAllow(x: number): void;
  /** Moves the block slider; the allow slider follows when pushed below it. */
  setBlock(x: number): void;
  /** Sets both (e.g. a point clicked on the curve). */
  setThresholds(allowBelow: number, blockAtOrAbove: number): void;
  /** The document changed (an edit elsewhere): re-evaluate at the current thresholds. */
  setDocument(doc: unknown): void;
  /** Stops listening for answers (the panel closed). */
  dispose(): void;
}

export type ExplorerStore = StoreApi<ExplorerState>;

/** Rounds to the slider's grid so 0.1 + 0.2 reads and saves as 0.3. */
export function snap(x: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
  return Number((Math.round(clamped / THRESHOLD_STEP) * THRESHOLD_STEP).toFixed(2));
}

export interface ExplorerOptions {
  /** The document explored (the editor's current, possibly unsaved, document). */
  doc: unknown;
  gate: string;
  allowBelow: number;
  blockAtOrAbove: number;
  iterations?: number;
  seed?: string;
  now?: () => number;
}

export function createExplorerStore(backend: Backend, options: ExplorerOptions): ExplorerStore {
  const iterations = options.iterations ?? EXPLORER_ITERATIONS;
  let doc = options.doc;
  let disposed = false;

  return createStore<ExplorerState>()((set, get) => {
    type Thresholds = { allowBelow: number; blockAtOrAbove: number };
    const requests = latestRequests(
      (t: Thresholds) => backend.exploreGate(doc, get().gate, t.allowBelow, t.blockAtOrAbove, iterations, get().seed),
      {
        onAnswer: (result, answeredFor, latency) =>
          set({
            result,
            answeredFor,
            error: null,
            latencyMs: latency,
            latencies: [...get().latencies, latency].slice(-LATENCY_HISTORY),
          }),
        onError: (error, _t, latency) => set({ error: toErrorPayload(error), latencyMs: latency }),
        onBusy: (running) => set({ running }),
      },
      options.now,
    );
    const submit = () => {
      if (disposed) return;
      const { allowBelow, blockAtOrAbove } = get();
      requests.submit({ allowBelow, blockAtOrAbove });
    };
    const move = (allowBelow: number, blockAtOrAbove: number) => {
      const s = get();
      if (allowBelow === s.allowBelow && blockAtOrAbove === s.blockAtOrAbove) return;
      set({ allowBelow, blockAtOrAbove });
      submit();
    };
    // First evaluation at the given thresholds, as soon as a subscriber can see it.
    queueMicrotask(submit);
    const start = { allowBelow: snap(options.allowBelow), blockAtOrAbove: snap(options.blockAtOrAbove) };
    return {
      gate: options.gate,
      allowBelow: Math.min(start.allowBelow, start.blockAtOrAbove),
      blockAtOrAbove: start.blockAtOrAbove,
      seed: options.seed ?? randomSeed(),
      result: null,
      answeredFor: null,
      error: null,
      running: true,
      latencyMs: null,
      latencies: [],
      setAllow(x) {
        const a = snap(x);
        move(a, Math.max(a, get().blockAtOrAbove));
      },
      setBlock(x) {
        const b = snap(x);
        move(Math.min(get().allowBelow, b), b);
      },
      setThresholds(a, b) {
        const allow = snap(a);
        move(allow, Math.max(allow, snap(b)));
      },
      setDocument(next) {
        if (next === doc) return;
        doc = next;
        submit();
      },
      dispose() {
        disposed = true;
        requests.reset();
      },
    };
  });
}
