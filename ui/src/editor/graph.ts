// Model JSON → React Flow nodes and edges, and automatic layout (dagre). Pure.

import { graphlib, layout as dagreLayout } from "@dagrejs/dagre";

import type { Issue } from "../ipc";
import {
  exitsOf,
  findJourney,
  issueTarget,
  outcomesOf,
  stepsOf,
  storedLayout,
  type Exit,
  type ModelDoc,
  type Point,
} from "./model";

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 76;

/** What a node component renders. */
export interface StepNodeData extends Record<string, unknown> {
  stepId: string;
  kind: string;
  name?: string;
  /** Outcome class (`success`, `abandoned`, `blocked`) for outcome nodes. */
  outcomeClass?: string;
  implicit: boolean;
  entry: boolean;
  exits: Exit[];
  issues: Issue[];
  /** A one-line summary of the step's main parameter. */
  detail?: string;
}

export interface FlowNode {
  id: string;
  type: "step";
  position: Point;
  data: StepNodeData;
  selected?: boolean;
}

export interface FlowEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  label: string;
  /** True when the exit is not written in the document and its default applies. */
  fallback: boolean;
}

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Exits whose target names nothing in the journey. */
  dangling: { source: string; handle: string; target: string }[];
  /** True when some node had no stored position and was placed by dagre. */
  autoLaid: boolean;
}

/**
 * The nodes and edges of journey `journeyId`, positioned from the layout key, else from
 * `known` (positions the canvas already showed, so edits do not re-run the layout), else
 * by dagre.
 */
export function journeyFlow(
  doc: ModelDoc,
  journeyId: string,
  issues: Issue[] = [],
  known: Record<string, Point> = {},
): Flow {
  const journey = findJourney(doc, journeyId);
  const steps = stepsOf(journey);
  const outcomes = outcomesOf(journey);
  const byStep = new Map<string, Issue[]>();
  for (const issue of issues) {
    const t = issueTarget(issue.path);
    if (t?.journey !== journeyId || !t.step) continue;
    byStep.set(t.step, [...(byStep.get(t.step) ?? []), issue]);
  }
  const nodes: FlowNode[] = [];
  for (const step of steps) {
    if (typeof step.id !== "string") continue;
    nodes.push({
      id: step.id,
      type: "step",
      position: { x: 0, y: 0 },
      data: {
        stepId: step.id,
        kind: String(step.kind),
        name: typeof step.name === "string" ? step.name : undefined,
        outcomeClass: step.kind === "outcome" ? String(step.class ?? "") : undefined,
        implicit: false,
        entry: journey?.entry === step.id,
        exits: exitsOf(step),
        issues: byStep.get(step.id) ?? [],
        detail: detailOf(step),
      },
    });
  }
  for (const o of outcomes.filter((o) => o.implicit)) {
    nodes.push({
      id: o.id,
      type: "step",
      position: { x: 0, y: 0 },
      data: {
        stepId: o.id,
        kind: "outcome",
        name: o.id[0]!.toUpperCase() + o.id.slice(1),
        outcomeClass: o.cls,
        implicit: true,
        entry: false,
        exits: [],
        issues: [],
      },
    });
  }
  const ids = new Set(nodes.map((n) => n.id));
  const edges: FlowEdge[] = [];
  const dangling: Flow["dangling"] = [];
  for (const node of nodes) {
    for (const exit of node.data.exits) {
      const target = exit.target ?? exit.fallback;
      if (target === undefined) continue;
      if (!ids.has(target)) {
        dangling.push({ source: node.id, handle: exit.handle, target });
        continue;
      }
      edges.push({
        id: `${node.id}:${exit.handle}`,
        source: node.id,
        sourceHandle: exit.handle,
        target,
        label: exit.label,
        fallback: exit.target === undefined,
      });
    }
  }
  // Exits to nothing point at a red "missing" node, so the problem is visible on the canvas.
  for (const target of new Set(dangling.map((d) => d.target))) {
    const id = `missing:${target}`;
    nodes.push({
      id,
      type: "step",
      position: { x: 0, y: 0 },
      data: { stepId: id, kind: "missing", name: target, implicit: true, entry: false, exits: [], issues: [], detail: "no such step" },
    });
    for (const d of dangling.filter((d) => d.target === target)) {
      const exit = nodes.find((n) => n.id === d.source)?.data.exits.find((e) => e.handle === d.handle);
      edges.push({ id: `${d.source}:${d.handle}`, source: d.source, sourceHandle: d.handle, target: id, label: exit?.label ?? "", fallback: false });
    }
  }
  const stored = { ...known, ...storedLayout(doc, journeyId) };
  const missing = nodes.filter((n) => !stored[n.id]);
  // Implicit outcomes (and missing targets) stand in a column right of the graph: edges
  // into them from every rank would fill dagre with long-edge dummies (slow, and no
  // clearer).
  const idle = (n: FlowNode) => n.data.implicit;
  const laid = new Set(nodes.filter((n) => !idle(n)).map((n) => n.id));
  const auto =
    missing.length > 0
      ? autoLayout(
          nodes.filter((n) => laid.has(n.id)).map((n) => ({ id: n.id, height: nodeHeight(n) })),
          edges.filter((e) => laid.has(e.target)),
        )
      : {};
  const right = Math.max(0, ...Object.values(auto).map((p) => p.x)) + NODE_WIDTH + 60;
  let parked = 0;
  for (const node of nodes) {
    const fallback = idle(node) ? { x: right, y: 20 + (parked++) * (NODE_HEIGHT + 24) } : { x: 0, y: 0 };
    node.position = stored[node.id] ?? auto[node.id] ?? fallback;
  }
  return { nodes, edges, dangling, autoLaid: missing.length > 0 };
}

/** Left-to-right layered layout of the whole graph (dagre); top-left corners by node id. */
export function autoLayout(
  nodes: { id: string; height?: number }[],
  edges: { source: string; target: string }[],
): Record<string, Point> {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 56, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: n.height ?? NODE_HEIGHT });
  edges.forEach((e, i) => {
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target, {}, `e${i}`);
  });
  dagreLayout(g);
  const out: Record<string, Point> = {};
  for (const n of nodes) {
    const laid = g.node(n.id) as { x: number; y: number } | undefined;
    const h = n.height ?? NODE_HEIGHT;
    out[n.id] = laid ? { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - h / 2) } : { x: 0, y: 0 };
  }
  return out;
}

function detailOf(step: Record<string, unknown>): string | undefined {
  switch (step.kind) {
    case "control":
      return typeof step.control === "string" && step.control
        ? `${step.control}${typeof step.max_attempts === "number" && step.max_attempts > 1 ? ` × ${step.max_attempts}` : ""}`
        : "no control chosen";
    case "risk_gate":
      return typeof step.signal === "string" ? `${step.signal} < ${String(step.allow_below)} · ≥ ${String(step.block_at_or_above)}` : undefined;
    case "outcome":
      return typeof step.class === "string" ? step.class : undefined;
    default:
      return undefined;
  }
}

/** About how tall a node draws: its header and name, plus one line per exit handle. */
export function nodeHeight(n: FlowNode): number {
  const exits = n.data.exits.length + (n.data.kind === "branch" ? 1 : 0);
  return 58 + (exits > 0 ? 8 + exits * 16 : 0);
}
