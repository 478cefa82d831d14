import { describe, expect, it } from "vitest";

import { createMockBackend } from "../ipc";
import { createEditorStore, isDirty } from "./editorStore";
import { autoLayout, journeyFlow } from "./graph";
import {
  LAYOUT_KEY,
  addStep,
  connect,
  copySteps,
  deleteSteps,
  exitsOf,
  findJourney,
  newModelDocument,
  newStep,
  renameStep,
  resolveEntry,
  setPositions,
  stepsOf,
  storedLayout,
  type ModelDoc,
} from "./model";
import { VOCABULARY } from "../ipc";
import { QUANTITY_SAMPLES } from "../ipc/gen/samples";
import { KINDS } from "./kinds";
import { densityPath } from "./density";
import { convert, paramsOf, parseQuantity, writeQuantity } from "./quantity";

const files = import.meta.glob("../../../fixtures/*.json", { eager: true, import: "default" }) as Record<string, ModelDoc>;
const byName = new Map(Object.entries(files).map(([path, doc]) => [path.split("/").pop()!, doc]));
const fixtures = [...byName.keys()].sort();
const load = (file: string) => structuredClone(byName.get(file)!);

describe("graph", () => {
  it.each(fixtures)("%s: every exit of every journey becomes an edge to a node", (file) => {
    const doc = load(file);
    for (const journey of doc.journeys ?? []) {
      const flow = journeyFlow(doc, journey.id);
      expect(flow.dangling).toEqual([]);
      const ids = new Set(flow.nodes.map((n) => n.id));
      for (const step of stepsOf(journey)) expect(ids.has(step.id)).toBe(true);
      for (const o of ["success", "abandoned", "blocked"]) expect(ids.has(o)).toBe(true);
      const exits = stepsOf(journey).flatMap((s) => exitsOf(s).filter((e) => e.target ?? e.fallback));
      expect(flow.edges).toHaveLength(exits.length);
      expect(flow.autoLaid).toBe(true);
      // dagre gives distinct positions
      const spots = new Set(flow.nodes.map((n) => `${n.position.x},${n.position.y}`));
      expect(spots.size).toBe(flow.nodes.length);
    }
  });

  it("labels exits per kind and falls back to the implicit outcomes", () => {
    const doc = load("consumer-sign-in.json");
    const flow = journeyFlow(doc, "login");
    const rate = flow.edges.filter((e) => e.source === "rate_limit");
    expect(rate.map((e) => [e.label, e.target, e.fallback])).toEqual([
      ["pass", "password", false],
      ["fail", "throttled", false],
      ["abandon", "abandoned", true],
    ]);
    const branch = flow.edges.filter((e) => e.source === "breach_check").map((e) => e.label);
    expect(branch[1]).toBe("rest");
  });

  it("uses stored positions and lays out only when some are missing", () => {
    const doc = load("consumer-sign-in.json");
    const laid = journeyFlow(doc, "login");
    const positions = Object.fromEntries(laid.nodes.map((n) => [n.id, { x: n.position.x + 5, y: n.position.y }]));
    const stored = setPositions(doc, "login", positions);
    const again = journeyFlow(stored, "login");
    expect(again.autoLaid).toBe(false);
    expect(again.nodes[0]!.position).toEqual(positions[again.nodes[0]!.id]);
    expect(storedLayout(stored, "login")).toEqual(positions);
    expect((stored[LAYOUT_KEY] as { journeys: Record<string, unknown> }).journeys.login).toBeDefined();
    expect(doc[LAYOUT_KEY]).toBeUndefined();
  });

  it("puts issues on the node their path names", () => {
    const doc = load("consumer-sign-in.json");
    const flow = journeyFlow(doc, "login", [
      { severity: "error", path: "journeys[login].steps[otp].on.pass", message: "x" },
      { severity: "error", path: "journeys[other].steps[otp]", message: "y" },
    ]);
    expect(flow.nodes.find((n) => n.id === "otp")?.data.issues.map((i) => i.message)).toEqual(["x"]);
  });

  it("draws an exit to nothing as an edge to a red missing node", () => {
    let doc = newModelDocument();
    doc = connect(doc, "journey", "start", "next", "nowhere");
    const flow = journeyFlow(doc, "journey");
    expect(flow.dangling).toEqual([{ source: "start", handle: "next", target: "nowhere" }]);
    expect(flow.edges.find((e) => e.source === "start")?.target).toBe("missing:nowhere");
    expect(flow.nodes.find((n) => n.id === "missing:nowhere")?.data.kind).toBe("missing");
  });

  it("builds the flow of a 200-step journey quickly, and keeps known positions", () => {
    const steps = Array.from({ length: 200 }, (_, i) => ({
      id: `s${i}`,
      kind: i % 3 === 1 ? "control" : "action",
      ...(i % 3 === 1 ? { control: "c", on: { pass: i < 199 ? `s${i + 1}` : "success", fail: "blocked" } } : { next: i < 199 ? `s${i + 1}` : "success" }),
    }));
    const doc: ModelDoc = { journeys: [{ id: "big", entry: "s0", steps }] };
    let start = performance.now();
    const first = journeyFlow(doc, "big");
    expect(performance.now() - start).toBeLessThan(3000);
    const known = Object.fromEntries(first.nodes.map((n) => [n.id, n.position]));
    start = performance.now();
    const again = journeyFlow(doc, "big", [], known);
    expect(performance.now() - start).toBeLessThan(50);
    expect(again.autoLaid).toBe(false);
    expect(again.edges).toHaveLength(first.edges.length);
  });

  it("lays out a 200-step chain quickly", () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `s${i}`, target: n.id }));
    const start = performance.now();
    const out = autoLayout(nodes, edges);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(out.s199!.x).toBeGreaterThan(out.s0!.x);
  });
});

describe("edits", () => {
  it("builds a journey: add, connect, rename, delete; the original is untouched", () => {
    const doc = newModelDocument();
    const step = newStep(doc, "journey", "control");
    let next = addStep(doc, "journey", step, { x: 300, y: 0 });
    next = connect(next, "journey", "start", "next", step.id);
    next = connect(next, "journey", step.id, "on.pass", "success");
    expect(findJourney(next, "journey")?.steps?.[0]?.next).toBe("control_1");
    next = renameStep(next, "journey", "control_1", "otp");
    expect(findJourney(next, "journey")?.steps?.[0]?.next).toBe("otp");
    expect(storedLayout(next, "journey")).toEqual({ otp: { x: 300, y: 0 } });
    expect(stepsOf(findJourney(next, "journey")).map((s) => s.id)).toEqual(["start", "otp"]);
    next = deleteSteps(next, "journey", ["otp"]);
    expect(findJourney(next, "journey")?.steps).toEqual([{ id: "start", kind: "action", name: "Start", seconds: 5 }]);
    expect(findJourney(doc, "journey")?.steps).toHaveLength(1);
    expect(findJourney(doc, "journey")?.steps?.[0]?.next).toBe("success");
  });

  it("adds branch entries by dragging from the new-share handle", () => {
    let doc = newModelDocument();
    doc = addStep(doc, "journey", newStep(doc, "journey", "branch"));
    doc = connect(doc, "journey", "branch_1", "to.new", "success");
    doc = connect(doc, "journey", "branch_1", "to.new", "blocked");
    const to = findJourney(doc, "journey")?.steps?.[1]?.to;
    expect(to).toEqual([{ target: "success" }, { target: "blocked", p: 0 }]);
    doc = connect(doc, "journey", "branch_1", "to.0", undefined);
    expect(findJourney(doc, "journey")?.steps?.[1]?.to).toEqual([{ target: "blocked", p: 0 }]);
  });

  it("copies steps with fresh ids, keeping exits between them", () => {
    const doc = load("consumer-sign-in.json");
    const journey = findJourney(doc, "login")!;
    const picked = stepsOf(journey).filter((s) => s.id === "identify" || s.id === "rate_limit");
    const copies = copySteps(doc, "login", picked);
    expect(copies.map((c) => c.id)).toEqual(["identify_copy", "rate_limit_copy"]);
    expect(copies[0]!.next).toBe("rate_limit_copy");
    expect(copies[1]!.on).toEqual({ fail: "throttled" }); // outcomes stay, steps not copied go
  });

  it("resolves per-population entries: own id, kind wildcard, then *", () => {
    const map = { "*legitimate": 1, "*": 2, bots: 3 };
    expect(resolveEntry(map, { id: "customers", kind: "legitimate" })).toBe("*legitimate");
    expect(resolveEntry(map, { id: "bots", kind: "attacker" })).toBe("bots");
    expect(resolveEntry(map, { id: "phish", kind: "attacker" })).toBe("*");
    expect(resolveEntry({ bots: 1 }, { id: "x", kind: "attacker" })).toBeUndefined();
  });
});

describe("vocabulary", () => {
  it("knows every step kind the engine knows, with its exits", () => {
    for (const k of VOCABULARY.step_kinds) {
      expect(KINDS[k.kind], k.kind).toBeDefined();
    }
    const control = exitsOf({ id: "c", kind: "control", on: { pass: "x" } });
    expect(control.map((e) => [e.label, e.fallback])).toEqual([
      ["pass", undefined],
      ["fail", "blocked"],
      ["abandon", "abandoned"],
    ]);
  });
});

describe("quantities", () => {
  it("reads and writes every form, keeping sources", () => {
    expect(parseQuantity(0.3)).toEqual({ dist: "fixed", params: [0.3] });
    expect(parseQuantity({ pert: [1, 2, 6], source: "s" })).toEqual({ dist: "pert", params: [1, 2, 6], source: "s" });
    expect(parseQuantity({ "*": 1 })).toBeUndefined();
    expect(writeQuantity({ dist: "fixed", params: [2] })).toBe(2);
    expect(writeQuantity({ dist: "beta", params: [2, 5], source: "s" }, { beta: [1, 1], "x-note": "n" })).toEqual({
      beta: [2, 5],
      source: "s",
      "x-note": "n",
    });
  });

  it("switches distributions around the engine's mean, with the engine's parameter names", () => {
    expect(paramsOf("pert")).toEqual(["low", "mode", "high"]);
    expect(convert({ dist: "fixed", params: [1000] }, "pert", false, 1000).params).toEqual([500, 1000, 1500]);
    // Without an answer yet, the middle of the parameters.
    expect(convert({ dist: "uniform", params: [2, 4] }, "fixed", false, null).params).toEqual([3]);
    expect(convert({ dist: "fixed", params: [0.4] }, "beta", true, 0.4).params).toEqual([4, 6]);
  });

  it("draws the engine's density, a spike for a fixed value, nothing for an invalid one", () => {
    const view = (q: unknown) => QUANTITY_SAMPLES.find((s) => JSON.stringify(s.quantity) === JSON.stringify(q))!.view;
    expect(densityPath(view({ pert: [2, 4, 9] }), 100, 40)).toMatch(/^M0,40 L/);
    expect(densityPath(view({ uniform: [5, 5] }), 100, 40)).toBe("M50,40 L50,0");
    expect(densityPath(view({ triangular: [5, 1, 9] }), 100, 40)).toBe("");
  });
});

describe("editor store", () => {
  it("undoes and redoes every edit, and knows when it is dirty", async () => {
    const backend = createMockBackend({ models: [] });
    const store = createEditorStore(backend, newModelDocument(), null);
    const s = () => store.getState();
    expect(isDirty(s())).toBe(false);
    s().apply((d) => deleteSteps(d, "journey", ["start"]));
    expect(stepsOf(findJourney(s().doc, "journey"))).toHaveLength(0);
    expect(isDirty(s())).toBe(true);
    s().undo();
    expect(stepsOf(findJourney(s().doc, "journey")).map((x) => x.id)).toEqual(["start"]);
    expect(isDirty(s())).toBe(false);
    s().redo();
    expect(stepsOf(findJourney(s().doc, "journey"))).toHaveLength(0);
    // typing coalesces into one history entry
    s().undo();
    s().apply((d) => ({ ...d, name: "A" }), "name");
    s().apply((d) => ({ ...d, name: "AB" }), "name");
    expect(s().past).toHaveLength(1);
    expect(await s().save()).toBe(false);
    expect(s().saveError?.code).toBe("no_path");
    expect(await s().save("/tmp/new.json")).toBe(true);
    expect(isDirty(s())).toBe(false);
    expect(s().saveNote).toMatch(/version 1/);
    const saved = s().doc;
    s().apply((d) => ({ ...d, name: "Changed" }));
    await s().loadHistory();
    expect(s().history).toEqual({ rows: [expect.objectContaining({ version: 1 })] });
    await s().restoreVersion(1);
    expect(s().doc).toEqual(saved);
    s().undo();
    expect(s().doc.name).toBe("Changed");
    s().undo();
    await s().validate();
    expect(s().issues).toEqual([]);
    s().apply((d) => connect(d, "journey", "start", "next", "nowhere"));
    await s().validate();
    expect(s().issues.map((i) => i.path)).toEqual(["journeys[journey].steps[start].next"]);
  });
});
