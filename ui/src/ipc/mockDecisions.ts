// An in-memory stand-in for the decision commands, for the browser preview and the UI's
// tests. Its status rule is a simplified echo of the store's (no staleness, no expiry):
// the real rule is tested in Rust (crates/store/tests/store.rs) and end to end.
import type { Backend } from "./backend";
import type { DecisionRecordView, DecisionStatus, ErrorPayload, ScenarioStatus, Word, DecisionEntry } from "./gen";

/** The decision commands of the backend. */
export type DecisionsBackend = Pick<
  Backend,
  "requestDecision" | "recordDecisionWord" | "decisionRecord" | "scenarioStatuses" | "exportDecisionPack" | "pickPackPath"
>;

/** Options of the in-memory decisions: the teams every scenario needs, the pack dialog's answer. */
export interface MockDecisionsOptions {
  required?: string[];
  packPath?: string | null;
}

function fail(message: string): ErrorPayload {
  return { code: "run_failed", message };
}

/** In-memory decision records keyed by scenario (one model). */
export function createMockDecisionsBackend(options: MockDecisionsOptions = {}): DecisionsBackend & { packs: string[] } {
  const required = options.required ?? ["identity", "security"];
  const records = new Map<string, DecisionEntry[]>();
  const packs: string[] = [];
  let nextId = 1;
  const statusOf = (words: DecisionEntry[]): DecisionStatus => {
    const start = words.map((w) => w.word).lastIndexOf("request");
    if (start < 0) return "draft";
    const round = words.slice(start + 1);
    const latest = (team: string) => round.filter((w) => w.detail.team === team && (w.word === "approve" || w.word === "reject")).at(-1)?.word;
    const owner = round.filter((w) => w.word === "accept" || w.word === "decline").at(-1)?.word;
    if (owner === "decline" || required.some((t) => latest(t) === "reject")) return "rejected";
    if (owner === "accept" && required.every((t) => latest(t) === "approve")) return "approved";
    return "in_review";
  };
  const view = (scenario: string): DecisionRecordView => {
    const words = records.get(scenario) ?? [];
    const request = words.filter((w) => w.word === "request").at(-1);
    return {
      model_key: "mock",
      model_name: "Mock model",
      currency: "USD",
      scenario,
      scenario_name: scenario.replace(/_/g, " "),
      status: statusOf(words),
      accountable: "VP Customer Identity",
      request: request
        ? { run_id: request.detail.run_id, model_version: 1, content_hash: "sha256:mock", seed: "1", iterations: 1000, mode: "sampled", engine_version: "mock", requested_by: request.name, at: request.at, note: request.detail.rationale }
        : null,
      newest_version: 1,
      changes: [{ path: `scenarios/${scenario}`, before: "1", after: "2" }],
      areas: ["controls"],
      required: required.map((id) => {
        const last = words.filter((w) => w.detail.team === id && (w.word === "approve" || w.word === "reject")).at(-1);
        return { id, name: id, role: "decides", members: [`${id} lead`], latest: last?.word ?? null, latest_by: last?.name ?? null, latest_at: last?.at ?? null };
      }),
      deltas: [],
      summary_line: null,
      guardrails: [],
      words: [...words],
      risk_acceptance: words.filter((w) => w.word === "accept").at(-1)?.detail.risk_acceptance ?? null,
      reproduce: null,
    };
  };
  const add = (scenario: string, name: string, word: Word, detail: Partial<DecisionEntry["detail"]>) => {
    const words = records.get(scenario) ?? [];
    words.push({
      id: nextId++,
      at: new Date(Date.UTC(2026, 11, 6, 12, 0, nextId)).toISOString(),
      name,
      word,
      detail: { run_id: 1, model_version_id: 1, team: null, rationale: "", required_teams: [], risk_acceptance: null, ...detail },
    });
    records.set(scenario, words);
  };
  return {
    packs,
    async requestDecision(runId, scenario, name, note) {
      if (!name.trim()) throw fail("say who requests the decision (a name or a role)");
      add(scenario, name, "request", { run_id: runId, rationale: note, required_teams: required });
      return view(scenario);
    },
    async recordDecisionWord(w) {
      const words = records.get(w.scenario) ?? [];
      if (!words.some((x) => x.word === "request")) throw fail("nobody has requested a decision yet");
      if (!w.name.trim()) throw fail("say who speaks (a name or a role)");
      if ((w.word === "approve" || w.word === "reject") && !required.includes(w.team ?? "")) throw fail(`\`${w.team ?? ""}\` is not a team that must sign it off`);
      add(w.scenario, w.name, w.word, { team: w.team, rationale: w.rationale, risk_acceptance: w.risk_acceptance });
      return view(w.scenario);
    },
    async decisionRecord(_path, scenario) {
      return view(scenario);
    },
    async scenarioStatuses(): Promise<ScenarioStatus[]> {
      return [...records.keys()].map((scenario) => ({ scenario, status: view(scenario).status, run_id: view(scenario).request?.run_id ?? null }));
    },
    async exportDecisionPack(_path, scenario, out) {
      if (!out.trim()) throw fail("no path given");
      packs.push(`${scenario} → ${out}`);
    },
    async pickPackPath() {
      return options.packPath ?? null;
    },
  };
}
