import "@xyflow/react/dist/style.css";
import "./editor.css";

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { useStore } from "zustand";

import type { Backend } from "../ipc";
import { createEditorStore, isDirty, type EditorStore } from "./editorStore";
import { NODE_HEIGHT, NODE_WIDTH, journeyFlow, type FlowNode } from "./graph";
import { ControlsPanel } from "./ControlsPanel";
import { Inspector } from "./Inspector";
import { OwnersPanel } from "./OwnersPanel";
import { PopulationsPanel } from "./PopulationsPanel";
import { RiskSignalsPanel } from "./RiskSignalsPanel";
import { WhatIfStrip } from "./WhatIfStrip";
import { ThresholdExplorer } from "../explorer/ThresholdExplorer";
import { FlowControl, FlowLayer } from "./FlowOverlayBar";
import { decorateEdge } from "./flowOverlay";
import { createFlowStore, useFlowOverlay, type FlowStore } from "./flowStore";
import { createWhatIfStore, type WhatIfStore } from "./whatIf";
import { KINDS, lookOf } from "./kinds";
import {
  STEP_KINDS,
  addStep,
  connect,
  copySteps,
  deleteSteps,
  findJourney,
  idsOf,
  issueTarget,
  journeys,
  newStep,
  setPositions,
  stepsOf,
  type ModelDoc,
  type Point,
  type StepDoc,
  type StepKind,
} from "./model";
import { KindIcon, StepNodeView, type StepNode } from "./nodes";

const nodeTypes = { step: StepNodeView };
const DRAG_TYPE = "application/x-journeylab-step";

/** Steps copied with Ctrl+C, pasted into any journey with Ctrl+V. */
let clipboard: { steps: StepDoc[]; positions: Record<string, Point> } | null = null;

/** The journey editor over `document` (opened from `path`, or a new model when `path` is null). */
export function EditorScreen({
  backend,
  document,
  path,
  onClose,
}: {
  backend: Backend;
  document: unknown;
  path: string | null;
  /** Called when the editor closes, with the file saved to (if any save happened). */
  onClose(savedPath: string | null): void;
}) {
  const [store] = useState(() => createEditorStore(backend, (document ?? {}) as ModelDoc, path));
  const [whatIf] = useState(() => createWhatIfStore(backend));
  const [flow] = useState(() => createFlowStore(backend));
  const finish = () => {
    const s = store.getState();
    onClose(s.savedOnce ? s.path : null);
  };
  return (
    <ReactFlowProvider>
      <EditorLayout store={store} whatIf={whatIf} flow={flow} onClose={finish} backend={backend} />
    </ReactFlowProvider>
  );
}

function EditorLayout({
  store,
  whatIf,
  flow,
  onClose,
  backend,
}: {
  store: EditorStore;
  whatIf: WhatIfStore;
  flow: FlowStore;
  onClose(): void;
  backend: Backend;
}) {
  const [exploring, setExploring] = useState<{ journey: string; step: string } | null>(null);
  const doc = useStore(store, (s) => s.doc);
  const journeyId = useStore(store, (s) => s.journeyId);
  const validate = useStore(store, (s) => s.validate);
  const [confirmClose, setConfirmClose] = useState(false);
  const [side, setSide] = useState<"inspector" | "history" | "populations" | "controls" | "signals" | "owners">("inspector");

  // Live validation, debounced.
  useEffect(() => {
    const timer = setTimeout(() => void validate(), 300);
    return () => clearTimeout(timer);
  }, [doc, validate]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
      if (!(e.ctrlKey || e.metaKey) || typing) return;
      const key = e.key.toLowerCase();
      const s = store.getState();
      if (key === "z" && !e.shiftKey) s.undo();
      else if ((key === "z" && e.shiftKey) || key === "y") s.redo();
      else if (key === "c") copySelection(store);
      else if (key === "v") paste(store);
      else if (key === "s") void s.save();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  const close = () => {
    if (isDirty(store.getState())) setConfirmClose(true);
    else onClose();
  };

  return (
    <section className="editor" data-testid="editor">
      <Toolbar
        store={store}
        onClose={close}
        onHistory={() => setSide(side === "history" ? "inspector" : "history")}
        onPopulations={() => setSide(side === "populations" ? "inspector" : "populations")}
        onControls={() => setSide(side === "controls" ? "inspector" : "controls")}
        onSignals={() => setSide(side === "signals" ? "inspector" : "signals")}
        onOwners={() => setSide(side === "owners" ? "inspector" : "owners")}
      />
      <div className="journey-tabs" role="tablist">
        {journeys(doc).map((j) => (
          <button
            key={j.id}
            type="button"
            role="tab"
            aria-selected={j.id === journeyId}
            className={`journey-tab${j.id === journeyId ? " is-active" : ""}`}
            data-testid={`tab-${j.id}`}
            onClick={() => store.getState().setJourney(j.id)}
          >
            {j.name ?? j.id}
          </button>
        ))}
        <FlowControl store={store} flow={flow} />
      </div>
      <div className="editor-body">
        <Palette store={store} />
        <div className="canvas-column">
          <WhatIfStrip store={store} whatIf={whatIf} />
          {journeyId ? <Canvas key={journeyId} store={store} flow={flow} journeyId={journeyId} /> : <p className="empty">This model has no journeys.</p>}
          <Problems store={store} />
        </div>
        {side === "history" ? (
          <HistoryPanel store={store} onClose={() => setSide("inspector")} />
        ) : side === "controls" ? (
          <ControlsPanel store={store} onClose={() => setSide("inspector")} />
        ) : side === "populations" ? (
          <PopulationsPanel store={store} onClose={() => setSide("inspector")} />
        ) : side === "signals" ? (
          <RiskSignalsPanel store={store} onClose={() => setSide("inspector")} />
        ) : side === "owners" ? (
          <OwnersPanel store={store} onClose={() => setSide("inspector")} />
        ) : (
          <Inspector store={store} onExploreGate={(journey, step) => setExploring({ journey, step })} />
        )}
      </div>
      {exploring && (
        <ThresholdExplorer backend={backend} editor={store} journeyId={exploring.journey} stepId={exploring.step} onClose={() => setExploring(null)} />
      )}
      {confirmClose && (
        <div className="modal-backdrop" data-testid="confirm-discard">
          <div className="modal">
            <p>This model has unsaved edits. Close the editor and lose them?</p>
            <div className="modal-actions">
              <button type="button" className="button button-ghost" data-testid="confirm-keep" onClick={() => setConfirmClose(false)}>
                Keep editing
              </button>
              <button type="button" className="button button-danger" data-testid="confirm-discard-yes" onClick={onClose}>
                Discard edits
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function Toolbar({
  store,
  onClose,
  onHistory,
  onPopulations,
  onControls,
  onSignals,
  onOwners,
}: {
  store: EditorStore;
  onClose(): void;
  onHistory(): void;
  onPopulations(): void;
  onControls(): void;
  onSignals(): void;
  onOwners(): void;
}) {
  const doc = useStore(store, (s) => s.doc);
  const dirty = useStore(store, isDirty);
  const path = useStore(store, (s) => s.path);
  const canUndo = useStore(store, (s) => s.past.length > 0);
  const canRedo = useStore(store, (s) => s.future.length > 0);
  const saving = useStore(store, (s) => s.saving);
  const saveError = useStore(store, (s) => s.saveError);
  const saveNote = useStore(store, (s) => s.saveNote);
  const [target, setTarget] = useState(path ?? "");
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setTarget(path ?? "");
  }
  return (
    <div className="editor-toolbar">
      <button type="button" className="button button-ghost" data-testid="editor-close" onClick={onClose}>
        ← Close
      </button>
      <span className="editor-title" data-testid="editor-title">
        {typeof doc.name === "string" ? doc.name : "Untitled model"}
        {dirty && (
          <span className="dirty" data-testid="editor-dirty" title="Unsaved edits">
            ●
          </span>
        )}
      </span>
      <button type="button" className="button button-ghost" data-testid="editor-undo" disabled={!canUndo} onClick={() => store.getState().undo()} title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-redo" disabled={!canRedo} onClick={() => store.getState().redo()} title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-history" disabled={!path} onClick={onHistory} title="Saved versions of this model">
        History
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-populations" onClick={onPopulations} title="Populations of the model">
        Populations
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-controls" onClick={onControls} title="The control library">
        Controls
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-signals" onClick={onSignals} title="Risk signals and their score distributions">
        Signals
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-owners" onClick={onOwners} title="Accountable owner and teams">
        Owners
      </button>
      <span className="toolbar-spacer" />
      <label className="save-path">
        <span className="muted">file</span>
        <input
          className="mono"
          value={target}
          placeholder="/path/to/model.json"
          data-testid="editor-path"
          onChange={(e) => setTarget(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button"
        data-testid="editor-save"
        disabled={saving || target.trim() === ""}
        title={target.trim() !== path ? "Save as this file" : "Save (Ctrl+S)"}
        onClick={() => void store.getState().save(target.trim())}
      >
        {path && target.trim() !== path ? "Save as" : "Save"}
      </button>
      <button
        type="button"
        className="button button-ghost"
        data-testid="editor-save-as-dialog"
        disabled={saving}
        title="Save As… (choose a file)"
        onClick={() => void store.getState().saveAs()}
      >
        Save As…
      </button>
      {saveNote && (
        <span className="save-note" data-testid="editor-saved">
          {saveNote}
        </span>
      )}
      {saveError && (
        <span className="save-note bad" data-testid="editor-save-error" data-code={saveError.code}>
          {saveError.message}
        </span>
      )}
    </div>
  );
}

function Palette({ store }: { store: EditorStore }) {
  const doc = useStore(store, (s) => s.doc);
  const { screenToFlowPosition } = useReactFlow();
  const controls = idsOf(doc, "controls");
  const add = (kind: StepKind, control?: string) => {
    const { journeyId, selection } = store.getState();
    if (!journeyId) return;
    // Right of the selected step, else in the middle of what the canvas shows.
    const pane = window.document.querySelector(".canvas")?.getBoundingClientRect();
    const centre = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : undefined;
    const at = nextFreeSpot(store.getState().doc, journeyId, selection[0], centre && { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 });
    addFromPalette(store, journeyId, kind, control, at);
  };
  const onDragStart = (e: DragEvent, payload: string) => {
    e.dataTransfer.setData(DRAG_TYPE, payload);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <aside className="palette" data-testid="palette">
      <h3>Steps</h3>
      {STEP_KINDS.map((kind) => {
        const look = KINDS[kind]!;
        return (
          <button
            key={kind}
            type="button"
            className="palette-item"
            draggable
            data-testid={`palette-${kind}`}
            title={`Exits: ${look.exits}. Click to add, or drag onto the canvas.`}
            onDragStart={(e) => onDragStart(e, JSON.stringify({ kind }))}
            onClick={() => add(kind)}
            style={{ borderColor: look.colour }}
          >
            <KindIcon kind={kind} /> {look.label}
          </button>
        );
      })}
      {controls.length > 0 && (
        <>
          <h3>Control library</h3>
          {controls.map((c) => (
            <button
              key={c.id}
              type="button"
              className="palette-item palette-control"
              draggable
              data-testid={`palette-control-${c.id}`}
              title="Drag onto the canvas (or click) to add a step with this control"
              onDragStart={(e) => onDragStart(e, JSON.stringify({ kind: "control", control: c.id }))}
              onClick={() => add("control", c.id)}
            >
              <KindIcon kind="control" size={13} /> {c.name ?? c.id}
            </button>
          ))}
        </>
      )}
    </aside>
  );
}

/** Adds a step of `kind` (at `position`, else right of the selection) and selects it. */
function addFromPalette(store: EditorStore, journeyId: string, kind: StepKind, control?: string, position?: Point) {
  const s = store.getState();
  const step = newStep(s.doc, journeyId, kind);
  if (control) {
    step.control = control;
    step.id = uniqueId(s.doc, journeyId, control);
    const name = idsOf(s.doc, "controls").find((c) => c.id === control)?.name;
    if (name) step.name = name;
  }
  const at = position ?? nextFreeSpot(s.doc, journeyId, s.selection[0]);
  s.apply((d) => addStep(d, journeyId, step, at));
  s.select([step.id]);
}

function uniqueId(doc: ModelDoc, journeyId: string, base: string): string {
  const taken = new Set(stepsOf(findJourney(doc, journeyId)).map((s) => s.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

function nextFreeSpot(doc: ModelDoc, journeyId: string, near?: string, centre?: Point): Point {
  const nodes = journeyFlow(doc, journeyId).nodes;
  const anchor = nodes.find((n) => n.id === near);
  const maxX = Math.max(0, ...nodes.filter((n) => !n.data.implicit).map((n) => n.position.x));
  const spot = anchor
    ? { x: anchor.position.x + 250, y: anchor.position.y }
    : centre
      ? { ...centre }
      : { x: maxX + 250, y: Math.min(0, ...nodes.map((n) => n.position.y)) };
  // Step down until the spot overlaps no node.
  const overlaps = (p: Point) =>
    nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_WIDTH + 20 && Math.abs(n.position.y - p.y) < NODE_HEIGHT + 40);
  for (let i = 0; i < 200 && overlaps(spot); i++) spot.y += 40;
  return spot;
}

function copySelection(store: EditorStore) {
  const { doc, journeyId, selection } = store.getState();
  if (!journeyId || selection.length === 0) return;
  const flow = journeyFlow(doc, journeyId);
  const steps = stepsOf(findJourney(doc, journeyId)).filter((s) => selection.includes(s.id));
  const positions: Record<string, Point> = {};
  for (const n of flow.nodes) if (selection.includes(n.id)) positions[n.id] = n.position;
  clipboard = { steps: structuredClone(steps), positions };
}

function paste(store: EditorStore) {
  const { doc, journeyId } = store.getState();
  if (!journeyId || !clipboard || clipboard.steps.length === 0) return;
  const copies = copySteps(doc, journeyId, clipboard.steps);
  const source = clipboard;
  store.getState().apply((d) => {
    let next = d;
    copies.forEach((copy, i) => {
      const from = source.positions[source.steps[i]!.id] ?? { x: 0, y: 0 };
      next = addStep(next, journeyId, copy, { x: from.x + 40, y: from.y + 60 });
    });
    return next;
  });
  store.getState().select(copies.map((c) => c.id));
}

function Canvas({ store, flow: flowStore, journeyId }: { store: EditorStore; flow: FlowStore; journeyId: string }) {
  const doc = useStore(store, (s) => s.doc);
  const issues = useStore(store, (s) => s.issues);
  const selection = useStore(store, (s) => s.selection);
  const { screenToFlowPosition, fitView } = useReactFlow();

  // Positions first shown (automatic layout for a model without positions) stay put while
  // editing: only the document's stored positions or new nodes change them.
  const [shownAt] = useState(() => Object.fromEntries(journeyFlow(doc, journeyId).nodes.map((n) => [n.id, n.position])));
  const flow = useMemo(() => journeyFlow(doc, journeyId, issues, shownAt), [doc, journeyId, issues, shownAt]);
  const [nodes, setNodes] = useState<StepNode[]>(() => withSelection(flow.nodes, [], selection));
  const [shown, setShown] = useState({ flow, selection });
  if (shown.flow !== flow || shown.selection !== selection) {
    // Adopt the document's nodes but keep what React Flow measured (it needs sizes).
    setShown({ flow, selection });
    setNodes(withSelection(flow.nodes, nodes, selection));
  }
  const [selectedEdges, setSelectedEdges] = useState<string[]>([]);
  const overlay = useFlowOverlay(flowStore, journeyId);
  const edges: Edge[] = useMemo(
    () =>
      flow.edges.map((e) =>
        // With the flow overlay on, the edge shows its share of the population instead.
        decorateEdge<Edge>(
          {
            id: e.id,
            source: e.source,
            sourceHandle: e.sourceHandle,
            target: e.target,
            label: e.label,
            selected: selectedEdges.includes(e.id),
            deletable: !e.fallback,
            className: e.fallback ? "edge-fallback" : undefined,
            labelBgPadding: [4, 2] as [number, number],
            labelStyle: { fontSize: 10 },
          },
          overlay,
        ),
      ),
    [flow.edges, selectedEdges, overlay],
  );

  const onNodesChange = useCallback((changes: NodeChange<StepNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), ns));
  }, []);

  const onSelectionChange = useCallback(
    ({ nodes: selectedNodes, edges: chosenEdges }: OnSelectionChangeParams) => {
      store.getState().select(selectedNodes.map((n) => n.id));
      setSelectedEdges((prev) => {
        const next = chosenEdges.map((e) => e.id);
        return prev.length === next.length && prev.every((id, i) => id === next[i]) ? prev : next;
      });
    },
    [store],
  );

  const commitPositions = useCallback(() => {
    const positions: Record<string, Point> = {};
    for (const n of nodes) positions[n.id] = n.position;
    store.getState().apply((d) => setPositions(d, journeyId, positions));
  }, [nodes, store, journeyId]);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target || !c.sourceHandle || c.source === c.target && c.sourceHandle === "next") return;
      store.getState().apply((d) => connect(d, journeyId, c.source, c.sourceHandle!, c.target));
    },
    [store, journeyId],
  );

  // Dropping a connection anywhere on a node (not only on its handle) connects to it.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle?.id || state.fromHandle.type !== "source") return;
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      if (!point) return;
      const hit = window.document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node");
      const target = hit?.getAttribute("data-id");
      if (!target || target === state.fromNode.id) return;
      const source = state.fromNode.id;
      const handle = state.fromHandle.id;
      store.getState().apply((d) => connect(d, journeyId, source, handle, target));
    },
    [store, journeyId],
  );

  const onDelete = useCallback(
    ({ nodes: goneNodes, edges: goneEdges }: { nodes: StepNode[]; edges: Edge[] }) => {
      const stepIds = goneNodes.filter((n) => !n.data.implicit).map((n) => n.id);
      store.getState().apply((d) => {
        let next = d;
        for (const e of goneEdges) {
          if (stepIds.includes(e.source)) continue;
          next = connect(next, journeyId, e.source, e.sourceHandle ?? "next", undefined);
        }
        return stepIds.length ? deleteSteps(next, journeyId, stepIds) : next;
      });
      store.getState().select([]);
    },
    [store, journeyId],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const raw = e.dataTransfer.getData(DRAG_TYPE);
      if (!raw) return;
      e.preventDefault();
      const { kind, control } = JSON.parse(raw) as { kind: StepKind; control?: string };
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addFromPalette(store, journeyId, kind, control, { x: at.x - 95, y: at.y - 30 });
    },
    [store, journeyId, screenToFlowPosition],
  );

  // First view: a large journey fitted whole is unreadable, so show its first columns
  // (the minimap shows the rest); a small one is fitted whole.
  const measured = useNodesInitialized();
  const fitted = useRef(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!measured || fitted.current) return;
    fitted.current = true;
    const entry = flow.nodes.find((n) => n.data.entry) ?? flow.nodes[0];
    const near =
      flow.nodes.length <= 14 || !entry
        ? undefined
        : flow.nodes.filter((n) => n.position.x <= entry.position.x + 3 * 250).map((n) => ({ id: n.id }));
    void fitView(near ? { nodes: near, padding: 0.08, maxZoom: 1, minZoom: 0.5 } : { padding: 0.15, maxZoom: 1 }).then(() =>
      // Tests wait for this before they drag on the canvas.
      requestAnimationFrame(() => canvasRef.current?.setAttribute("data-fitted", "true")),
    );
  }, [measured, flow.nodes, fitView]);

  return (
    <div
      ref={canvasRef}
      className="canvas"
      data-testid="canvas"
      data-journey={journeyId}
      data-dangling={flow.dangling.length}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={onDrop}
    >
      <ReactFlow<StepNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={commitPositions}
        onSelectionDragStop={commitPositions}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onDelete={onDelete}
        deleteKeyCode={["Delete", "Backspace"]}
        multiSelectionKeyCode={["Shift", "Control", "Meta"]}
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements={flow.nodes.length > 120}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <MiniMap pannable zoomable style={{ width: 160, height: 100 }} nodeColor={(n) => lookOf(String(n.data.kind), n.data.outcomeClass as string | undefined).colour} />
        <Controls showInteractive={false} />
        <FlowLayer store={store} flow={flowStore} journeyId={journeyId} />
      </ReactFlow>
    </div>
  );
}

function withSelection(fresh: FlowNode[], previous: StepNode[], selection: string[]): StepNode[] {
  const old = new Map(previous.map((n) => [n.id, n]));
  return fresh.map((n) => {
    const before = old.get(n.id);
    return {
      ...n,
      selected: selection.includes(n.id),
      deletable: !n.data.implicit,
      ...(before?.measured ? { measured: before.measured } : {}),
    };
  });
}

function Problems({ store }: { store: EditorStore }) {
  const { fitView } = useReactFlow();
  const issues = useStore(store, (s) => s.issues);
  const validating = useStore(store, (s) => s.validating);
  const errors = issues.filter((i) => i.severity === "error").length;
  const [open, setOpen] = useState(true);
  return (
    <div className="problems" data-testid="problems" data-count={issues.length} data-errors={errors}>
      <button type="button" className="problems-head" onClick={() => setOpen(!open)}>
        Problems <span className="count">{issues.length}</span>
        {errors > 0 && <span className="badge badge-bad">{errors} blocking</span>}
        {validating && <span className="muted"> checking…</span>}
        {!validating && issues.length === 0 && <span className="ok"> ✓ valid</span>}
      </button>
      {open && issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => {
            const t = issueTarget(issue.path);
            return (
              <li key={i}>
                <button
                  type="button"
                  className={`problem issue-${issue.severity}`}
                  data-testid="problem-item"
                  data-path={issue.path}
                  onClick={() => {
                    if (!t) return;
                    const s = store.getState();
                    if (s.journeyId !== t.journey) s.setJourney(t.journey);
                    s.select(t.step ? [t.step] : []);
                    // Bring the step into view (after a tab switch has drawn its canvas).
                    if (t.step) {
                      const id = t.step;
                      setTimeout(() => void fitView({ nodes: [{ id }], duration: 250, maxZoom: 1 }), 80);
                    }
                  }}
                >
                  <span className="issue-severity">{issue.severity}</span>
                  {issue.path && <code>{issue.path}</code>} {issue.message}
                  {issue.hint && <span className="muted"> — {issue.hint}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function HistoryPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const history = useStore(store, (s) => s.history);
  const path = useStore(store, (s) => s.path);
  useEffect(() => {
    void store.getState().loadHistory();
  }, [store, path]);
  return (
    <aside className="inspector" data-testid="history-panel">
      <div className="per-pop-head">
        <h3>Saved versions</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      {history === null ? (
        <p className="muted">Loading…</p>
      ) : "error" in history ? (
        <p className="bad">{history.error.message}</p>
      ) : history.rows.length === 0 ? (
        <p className="muted">No saved versions yet: each save records one.</p>
      ) : (
        <ul className="history-list">
          {history.rows.map((row) => (
            <li key={row.version} data-testid={`history-version-${row.version}`}>
              <span>
                <b>v{row.version}</b> <span className="muted">{row.created_at.replace("T", " ").slice(0, 19)}</span>
                {row.note && <span className="muted"> · {row.note}</span>}
              </span>
              <button
                type="button"
                className="link"
                data-testid={`history-restore-${row.version}`}
                onClick={() => void store.getState().restoreVersion(row.version)}
              >
                restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted field-note">Restoring replaces the document (undo brings the edits back); save to keep it.</p>
    </aside>
  );
}
