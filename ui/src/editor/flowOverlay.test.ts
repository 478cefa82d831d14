import type { Edge } from "@xyflow/react";
import { describe, expect, it } from "vitest";

import { createMockBackend, type PopulationFlows, type RunListItem } from "../ipc";
import { share } from "../format/numbers";
import { FLOW_SAMPLE } from "../ipc/gen/samples";
import {
  FLOW_COLOURS,
  LEAK_MIN_WIDTH,
  MAX_WIDTH,
  MIN_WIDTH,
  buildOverlay,
  decorateEdge,
  describeRun,
  enteringPopulations,
  handleOf,
  newestFinished,
  outcomeSummary,
  sameJson,
  staleNote,
  strokeWidth,
} from "./flowOverlay";
import { NO_RUN, NO_RUN_UNSAVED, createFlowStore } from "./flowStore";
import { journeyFlow } from "./graph";
import type { ModelDoc } from "./model";

/** A small sign-in: an action, a control, a risk gate, a branch and a support desk. */
const doc: ModelDoc = {
  format: "journeylab/1",
  name: "Flow test",
  period: "month",
  populations: [
    { id: "customers", kind: "legitimate", name: "Customers" },
    { id: "bots", kind: "attacker" },
    { id: "staff", kind: "legitimate" },
  ],
  journeys: [
    {
      id: "login",
      entry: "identify",
      entrants: [
        { population: "customers", volume: 1000 },
        { population: "bots", volume: 200 },
      ],
      steps: [
        { id: "identify", kind: "action", next: "password" },
        { id: "password", kind: "control", control: "pw", on: { pass: "risk", fail: "help" } },
        { id: "risk", kind: "risk_gate", on: { allow: "done", challenge: "split", block: "blocked" } },
        { id: "split", kind: "branch", to: [{ target: "done", p: 0.5 }, { target: "abandoned" }] },
        { id: "help", kind: "support", on: { resolved: "password" } },
        { id: "done", kind: "outcome", class: "success" },
      ],
    },
  ],
};

/** The engine's flows of consumer sign-in's login (generated from the fixture), and the
 * fixture itself: the overlay is tested against what the engine really answers. */
const engineDoc = FLOW_SAMPLE.document as ModelDoc;
const flows = (population = "customers"): PopulationFlows => {
  const f = FLOW_SAMPLE.flows[population];
  if (!f) throw new Error(`no engine flows of ${population}`);
  return f;
};

function run(over: Partial<RunListItem> = {}): RunListItem {
  return {
    id: 4,
    model_id: 1,
    model_key: "flow",
    model_name: "Flow test",
    model_version: 2,
    model_version_id: 7,
    scenarios: ["baseline"],
    iterations: 2000,
    seed: "12345",
    mode: "sampled",
    engine_version: "0.1.0",
    status: "finished",
    error: null,
    started_at: "2026-11-28T04:40:12Z",
    finished_at: "2026-11-28T04:40:15Z",
    pid: null,
    legit_success_rate: null,
    fraud_loss: null,
    net_value: null,
    currency: "USD",
    max_iterations: null,
    ...over,
  };
}

describe("flow overlay: mapping engine exits to canvas handles", () => {
  it("maps next, named exits and branch entries; an action's abandon has no handle", () => {
    expect(handleOf("next", true)).toBe("next");
    expect(handleOf("abandon", true)).toBeNull();
    expect(handleOf("abandon", false)).toBe("on.abandon");
    for (const name of ["pass", "fail", "allow", "challenge", "block", "resolved", "unresolved"]) {
      expect(handleOf(name, false)).toBe(`on.${name}`);
    }
    expect(handleOf("to[0]", false)).toBe("to.0");
    expect(handleOf("to[12]", false)).toBe("to.12");
  });

  it("covers every edge the canvas draws for the journey (fallback exits included)", () => {
    const overlay = buildOverlay(flows(), "legitimate");
    const canvas = journeyFlow(engineDoc, FLOW_SAMPLE.journey).edges;
    expect(canvas.length).toBeGreaterThan(0);
    for (const e of canvas) {
      const o = overlay.edges.get(e.id);
      expect(o, e.id).toBeDefined();
      expect(o!.target).toBe(e.target);
    }
    // Every exit the engine names maps to an edge of the canvas, or (an action's abandon)
    // to a drop badge on its node.
    const actions = new Set(engineDoc.journeys![0]!.steps!.filter((st) => st.kind === "action").map((st) => st.id));
    for (const e of flows().edges) {
      const handle = handleOf(e.exit, actions.has(e.step));
      if (handle === null) expect(e.exit).toBe("abandon");
      else expect(overlay.edges.get(`${e.step}:${handle}`), `${e.step}:${e.exit}`).toBeDefined();
    }
    // The action's abandon exit is a badge, not an edge.
    expect(overlay.edges.has("identify:on.abandon")).toBe(false);
    expect(overlay.drops.map((d) => d.step).sort()).toEqual(flows().edges.filter((e) => e.exit === "abandon" && actions.has(e.step) && e.share > 0).map((e) => e.step).sort());
    expect(overlay.drops[0]!.label).toBe(`↘ ${share(overlay.drops[0]!.share)} drop`);
  });
});

describe("flow overlay: widths, labels, colours", () => {
  it("scales the stroke with the square root of the share, clamped to 1–10 px", () => {
    expect(strokeWidth(0)).toBe(MIN_WIDTH);
    expect(strokeWidth(1)).toBe(MAX_WIDTH);
    expect(strokeWidth(2.5)).toBe(MAX_WIDTH);
    expect(strokeWidth(-1)).toBe(MIN_WIDTH);
    expect(strokeWidth(Number.NaN)).toBe(MIN_WIDTH);
    expect(strokeWidth(0.25)).toBeCloseTo(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * 0.5);
    // A 1 % exit is clearly wider than an unused one.
    expect(strokeWidth(0.01) - strokeWidth(0)).toBeCloseTo(0.9);
  });

  it("labels each edge with the engine's share as the app writes shares", () => {
    const overlay = buildOverlay(flows(), "legitimate");
    const actions = new Set(flows().edges.filter((e) => e.exit === "next").map((e) => e.step));
    let labelled = 0;
    for (const e of flows().edges) {
      const handle = handleOf(e.exit, actions.has(e.step));
      if (handle === null) continue;
      expect(overlay.edges.get(`${e.step}:${handle}`)?.label, `${e.step}:${e.exit}`).toBe(share(e.share));
      labelled++;
    }
    expect(labelled).toBeGreaterThan(20);
  });

  it("colours customers' drop-outs amber and attackers getting through red", () => {
    const legit = buildOverlay(flows(), "legitimate");
    expect(legit.edges.get("risk:on.allow")!.colour).toBe(FLOW_COLOURS.legitimate);
    expect(legit.edges.get("risk:on.block")!.emphasis).toBe("drop");
    expect(legit.edges.get("risk:on.block")!.colour).toBe(FLOW_COLOURS.drop);
    const bots = buildOverlay(flows("phishers"), "attacker");
    const leak = bots.edges.get("risk:on.allow")!;
    expect(leak.emphasis).toBe("leak");
    expect(leak.colour).toBe(FLOW_COLOURS.leak);
    expect(leak.width).toBeGreaterThanOrEqual(LEAK_MIN_WIDTH);
    expect(bots.edges.get("password:on.pass")!.colour).toBe(FLOW_COLOURS.attacker);
    expect(bots.edges.get("risk:on.block")!.emphasis).toBeNull();
    // The attacker's view differs from the customers'.
    expect(bots.edges.get("password:on.pass")!.share).not.toBeCloseTo(legit.edges.get("password:on.pass")!.share, 3);
  });

  it("decorates a canvas edge, and fades one the run does not know", () => {
    const overlay = buildOverlay(flows(), "legitimate");
    const allow = overlay.edges.get("risk:on.allow")!;
    const base: Edge = { id: "risk:on.allow", source: "risk", target: allow.target, sourceHandle: "on.allow", label: "allow" };
    expect(decorateEdge(base, null)).toBe(base);
    const drawn = decorateEdge(base, overlay);
    const o = overlay.edges.get("risk:on.allow")!;
    expect(drawn.label).toBe(o.label);
    expect(drawn.style).toMatchObject({ stroke: o.colour, strokeWidth: o.width });
    expect(drawn.domAttributes).toMatchObject({ "data-share": String(o.share) });
    expect(drawn.className).toContain("edge-flow");
    const moved = decorateEdge({ ...base, target: "elsewhere" }, overlay);
    expect(moved.label).toBeUndefined();
    expect(moved.className).toContain("edge-flow-unknown");
  });
});

describe("flow overlay: summary, populations, run, staleness", () => {
  it("sums outcome shares per class, and they add up to one", () => {
    const f: PopulationFlows = {
      population: "customers",
      entrants: 100,
      edges: [],
      outcomes: [
        ["done", "success", 0.7],
        ["vip", "success", 0.1],
        ["abandoned", "abandoned", 0.15],
        ["blocked", "blocked", 0.05],
      ],
    };
    const s = outcomeSummary(f);
    expect(s.map((o) => o.cls)).toEqual(["success", "abandoned", "blocked"]);
    expect(s[0]!.share).toBeCloseTo(0.8);
    expect(s[0]!.label).toBe("80.0 %");
    // The engine's flows end every entrant somewhere: the classes add up to one.
    for (const population of Object.keys(FLOW_SAMPLE.flows)) {
      const summary = outcomeSummary(flows(population));
      expect(summary.reduce((a, o) => a + o.share, 0), population).toBeCloseTo(1, 9);
    }
  });

  it("lists the populations entering the journey with their kind", () => {
    expect(enteringPopulations(doc, "login")).toEqual([
      { id: "customers", name: "Customers", kind: "legitimate" },
      { id: "bots", name: "bots", kind: "attacker" },
    ]);
    expect(enteringPopulations(doc, "nope")).toEqual([]);
  });

  it("reads the newest finished run and describes it", () => {
    const runs = [run({ id: 9, status: "running" }), run({ id: 8, status: "cancelled" }), run({ id: 7 }), run({ id: 3 })];
    expect(newestFinished(runs)?.id).toBe(7);
    expect(newestFinished([run({ status: "failed" })])).toBeNull();
    expect(describeRun(run())).toBe("run #4 · 2026-11-28 04:40 UTC · model v2 · 2,000 iterations · seed 12345");
  });

  it("compares documents ignoring key order", () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
  });

  it("warns about unsaved edits and about a model changed since the run", () => {
    const r = run();
    const same = structuredClone(doc);
    expect(staleNote(doc, false, r, same)).toBeNull();
    const edited = { ...doc, name: "Edited" };
    expect(staleNote(edited, true, r, same)).toMatch(/^Unsaved edits: .*model v2.*run #4/);
    expect(staleNote(edited, false, r, same)).toMatch(/changed since run #4/);
    // Version text unknown: only unsaved edits can be told.
    expect(staleNote(doc, false, r, undefined)).toBeNull();
    expect(staleNote(doc, true, r, undefined)).toMatch(/^Unsaved edits/);
    // Undoing back to the run's version clears the warning even though the editor is dirty.
    expect(staleNote(same, true, r, doc)).toBeNull();
  });
});

describe("flow store", () => {
  const path = "mock/flow.json";

  it("says plainly when there is no run to read", async () => {
    const store = createFlowStore(createMockBackend({ models: [] }));
    await store.getState().loadRun(null);
    expect(store.getState().run).toEqual({ status: "none", reason: NO_RUN_UNSAVED });
    await store.getState().loadRun(path);
    expect(store.getState().run).toEqual({ status: "none", reason: NO_RUN });
    expect(NO_RUN).toContain("Run a simulation to see flows");
  });

  it("reads the newest finished run's version and fetches flows per journey and population", async () => {
    const backend = createMockBackend({ models: [] });
    await backend.saveModelFile(path, JSON.stringify(doc));
    await backend.startRun({ path, iterations: 100, seed: "1", mode: "sampled", sampling: "mc", scenarios: [], precision: [] }, () => undefined);
    const calls: string[] = [];
    const runFlows = backend.runFlows.bind(backend);
    backend.runFlows = (id, j, p) => {
      calls.push(`${id}/${j}/${p}`);
      return runFlows(id, j, p);
    };
    const store = createFlowStore(backend);
    await store.getState().loadRun(path);
    const state = store.getState().run;
    expect(state.status).toBe("ready");
    // The mock records run version 1 = the first save.
    expect(store.getState().runDoc).toEqual(doc);
    await store.getState().show("login", "customers", "legitimate");
    expect(store.getState().overlay?.kind).toBe("legitimate");
    expect(store.getState().overlayJourney).toBe("login");
    // The same request again does not refetch; another population does.
    await store.getState().show("login", "customers", "legitimate");
    await store.getState().show("login", "bots", "attacker");
    expect(calls).toEqual(["1/login/customers", "1/login/bots"]);
    expect(store.getState().overlay?.kind).toBe("attacker");
    // Off clears the overlay; a population that does not enter shows the error.
    await store.getState().show("login", null, "legitimate");
    expect(store.getState().overlay).toBeNull();
    await store.getState().show("login", "staff", "legitimate");
    expect(store.getState().error?.message).toMatch(/does not enter/);
    expect(store.getState().overlay).toBeNull();
  });
});
