// Decisions of one model file (spec §10): every scenario's status, shown wherever the
// scenario appears, and the record of the scenario being decided, with the actions that
// add to it. The backend checks every word and derives the status; this keeps the
// newest answer and says what went wrong.
import { createStore, type StoreApi } from "zustand/vanilla";

import type { DecisionRecordView, DecisionsBackend, DecisionStatus, ErrorPayload, RiskAcceptance, ScenarioStatus, Word } from "../ipc";
import { toErrorPayload } from "../ipc";
import type { Remote } from "../store";

export interface DecisionState {
  path: string;
  statuses: Remote<ScenarioStatus[]>;
  /** The record open in the panel. */
  record: Remote<DecisionRecordView>;
  /** The scenario whose record is open. */
  open: string | null;
  /** An action in flight. */
  busy: boolean;
  /** Why the last action was refused. */
  error: ErrorPayload | null;
  /** Where the last pack was written. */
  packWritten: string | null;
  loadStatuses(): Promise<void>;
  openRecord(scenario: string): Promise<void>;
  close(): void;
  request(runId: number, scenario: string, name: string, note: string): Promise<void>;
  say(word: Word, team: string | null, name: string, rationale: string, risk?: RiskAcceptance | null): Promise<void>;
  exportPack(out: string): Promise<void>;
  /** The native Save dialog (default `<model>-<scenario>-decision.html`), then the export. */
  choosePackPath(): Promise<void>;
}

export type DecisionStore = StoreApi<DecisionState>;

/** The status of `scenario` (draft when it has no record). */
export function statusOf(statuses: Remote<ScenarioStatus[]>, scenario: string): DecisionStatus {
  return statuses.status === "ready" ? (statuses.data.find((s) => s.scenario === scenario)?.status ?? "draft") : "draft";
}

/** A status in words: `in review`, `approved`, … */
export function statusWords(status: DecisionStatus): string {
  return status.replace(/_/g, " ");
}

export function createDecisionStore(backend: DecisionsBackend, path: string): DecisionStore {
  return createStore<DecisionState>()((set, get) => {
    /** Runs an action that answers with the record; refreshes the statuses after it. */
    const act = async (work: () => Promise<DecisionRecordView>) => {
      set({ busy: true, error: null });
      try {
        const record = await work();
        set({ record: { status: "ready", data: record }, open: record.scenario, busy: false });
        await get().loadStatuses();
      } catch (e) {
        set({ busy: false, error: toErrorPayload(e) });
      }
    };
    return {
      path,
      statuses: { status: "idle" },
      record: { status: "idle" },
      open: null,
      busy: false,
      error: null,
      packWritten: null,
      async loadStatuses() {
        try {
          set({ statuses: { status: "ready", data: await backend.scenarioStatuses(path) } });
        } catch (e) {
          set({ statuses: { status: "failed", error: toErrorPayload(e) } });
        }
      },
      async openRecord(scenario) {
        set({ open: scenario, record: { status: "loading" }, error: null, packWritten: null });
        try {
          const record = await backend.decisionRecord(path, scenario);
          if (get().open === scenario) set({ record: { status: "ready", data: record } });
        } catch (e) {
          if (get().open === scenario) set({ record: { status: "failed", error: toErrorPayload(e) } });
        }
      },
      close: () => set({ open: null, record: { status: "idle" }, error: null, packWritten: null }),
      request: (runId, scenario, name, note) => act(() => backend.requestDecision(runId, scenario, name, note)),
      async say(word, team, name, rationale, risk = null) {
        const r = get().record;
        if (r.status !== "ready") return;
        await act(() =>
          backend.recordDecisionWord({
            model_key: r.data.model_key,
            scenario: r.data.scenario,
            word,
            team,
            name,
            rationale,
            risk_acceptance: risk,
          }),
        );
      },
      async exportPack(out) {
        const scenario = get().open;
        if (!scenario) return;
        set({ busy: true, error: null, packWritten: null });
        try {
          await backend.exportDecisionPack(path, scenario, out);
          set({ busy: false, packWritten: out });
        } catch (e) {
          set({ busy: false, error: toErrorPayload(e) });
        }
      },
      async choosePackPath() {
        const r = get().record;
        if (r.status !== "ready") return;
        try {
          const chosen = await backend.pickPackPath(`${r.data.model_key}-${r.data.scenario}-decision.html`);
          if (chosen) await get().exportPack(chosen);
        } catch (e) {
          set({ error: toErrorPayload(e) });
        }
      },
    };
  });
}
