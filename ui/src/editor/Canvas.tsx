// The canvas of the current journey (React Flow): its steps and edges from the document,
// selection, dragging, connecting, deleting, dropping palette items, the first fitted view,
// the flow overlay's layer and the selected attack route's highlight.

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStore as useFlowState,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from "react";
import { useStore } from "zustand";

import { decorateRouteEdge } from "./attackSurface";
import { highlightOf, type AttackStore } from "./attackStore";
import type { EditorStore } from "./editorStore";
import { FlowLayer } from "./FlowOverlayBar";
import { decorateEdge } from "./flowOverlay";
import { useFlowOverlay, type FlowStore } from "./flowStore";
import { journeyFlow, type FlowNode } from "./graph";
import { lookOf } from "./kinds";
import { connect, deleteSteps, setPositions, type Point, type StepKind } from "./model";
import { StepNodeView, type StepNode } from "./nodes";
import { edgeLabel, stepLabel } from "./a11yLabels";
import { DRAG_TYPE, addCatalogueStep, addFromPalette } from "./paletteActions";
import type { CatalogueControl } from "../ipc";

const nodeTypes = { step: StepNodeView };

export function Canvas({
  store,
  flow: flowStore,
  attack,
  journeyId,
}: {
  store: EditorStore;
  flow: FlowStore;
  attack: AttackStore;
  journeyId: string;
}) {
  const doc = useStore(store, (s) => s.doc);
  const issues = useStore(store, (s) => s.issues);
  const selection = useStore(store, (s) => s.selection);
  const { screenToFlowPosition, fitView, getZoom } = useReactFlow();

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
  const nameOf = useMemo(() => {
    const names = new Map(flow.nodes.map((n) => [n.id, n.data.name ?? n.data.stepId]));
    return (id: string) => names.get(id) ?? id;
  }, [flow.nodes]);
  const overlay = useFlowOverlay(flowStore, journeyId);
  const routes = useStore(attack, (s) => s.view);
  const selectedRoute = useStore(attack, (s) => s.selected);
  const highlight = useMemo(
    () => highlightOf({ view: routes, selected: selectedRoute }, doc, journeyId),
    [routes, selectedRoute, doc, journeyId],
  );
  const edges: Edge[] = useMemo(
    () =>
      flow.edges.map((e) => {
        const edge: Edge = {
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
        };
        // With the flow overlay on, the edge shows its share of the population instead; a
        // selected attack route draws its edges out and dims the rest (one at a time).
        const shown = decorateRouteEdge(decorateEdge(edge, overlay), highlight);
        return {
          ...shown,
          ariaLabel:
            edgeLabel(nameOf(e.source), e.label, nameOf(e.target), typeof shown.label === "string" ? shown.label : undefined) +
            emphasisWords(overlay?.edges.get(e.id)?.emphasis, highlight?.edges.has(e.id)),
          // The target's id, for tests (the label speaks names).
          domAttributes: { ...shown.domAttributes, "data-target": e.target } as Edge["domAttributes"],
        };
      }),
    [flow.edges, selectedEdges, overlay, highlight, nameOf],
  );
  // The route's steps stand out too; the others fade (the class, not colour alone: the
  // route's nodes also get a thicker outline).
  const shownNodes = useMemo(
    () =>
      nodes.map((n) => ({
        ...n,
        ariaLabel: stepLabel(n.data, nameOf) + (highlight?.nodes.has(n.id) ? " On the attack route shown." : ""),
        ...(highlight ? { className: highlight.nodes.has(n.id) ? "on-route" : "off-route" } : {}),
      })),
    [nodes, highlight, nameOf],
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

  const commitPositions = useCallback(
    (coalesce?: string) => {
      const positions: Record<string, Point> = {};
      for (const n of nodes) positions[n.id] = n.position;
      store.getState().apply((d) => setPositions(d, journeyId, positions), coalesce);
    },
    [nodes, store, journeyId],
  );

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
      const { kind, control, catalogue } = JSON.parse(raw) as { kind: StepKind; control?: string; catalogue?: CatalogueControl };
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const position = { x: at.x - 95, y: at.y - 30 };
      if (catalogue) addCatalogueStep(store, journeyId, catalogue, position);
      else addFromPalette(store, journeyId, kind, control, position);
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

  // A route selected (or this journey's canvas opened for one): show the whole route. Keyed
  // by the route's steps (a string), so edits while it is shown do not move the view.
  const routeNodes = highlight ? [...highlight.nodes].join("\n") : null;
  useEffect(() => {
    if (!measured || routeNodes === null) return;
    void fitView({ nodes: routeNodes.split("\n").map((id) => ({ id })), padding: 0.12, maxZoom: 1 });
  }, [measured, routeNodes, fitView]);

  return (
    <div
      ref={canvasRef}
      className="canvas"
      data-testid="canvas"
      data-journey={journeyId}
      data-dangling={flow.dangling.length}
      data-route={highlight?.key}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={onDrop}
      onFocusCapture={(e) => {
        // A step reached by keyboard is brought wholly into view, at the same zoom (React
        // Flow pans only for a step entirely outside it; the minimap covers a corner).
        const el = e.target as HTMLElement;
        const id = el.getAttribute("data-id");
        const pane = canvasRef.current?.getBoundingClientRect();
        if (!id || !pane || !el.classList.contains("react-flow__node") || !el.matches(":focus-visible")) return;
        const box = el.getBoundingClientRect();
        const MINIMAP = 110;
        if (box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom - MINIMAP) return;
        const zoom = getZoom();
        void fitView({ nodes: [{ id }], minZoom: zoom, maxZoom: zoom });
      }}
      onKeyUp={(e) => {
        // React Flow moves a selected step with the arrow keys; the document keeps where it
        // went (a run of presses is one undo step).
        if (e.key.startsWith("Arrow") && (e.target as HTMLElement).classList.contains("react-flow__node")) commitPositions("keyboard-move");
      }}
    >
      <ReactFlow<StepNode, Edge>
        nodes={shownNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={() => commitPositions()}
        onSelectionDragStop={() => commitPositions()}
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
        {highlight && <RouteStrokeScale canvas={canvasRef} />}
      </ReactFlow>
    </div>
  );
}

/**
 * While a route is shown: the zoom as the CSS variable `--route-zoom` on the canvas, so
 * the route's stroke keeps its width on screen at any zoom (attack.css) — a whole journey
 * fitted in view is drawn small. Renders nothing; mounted only while a route is shown.
 */
function RouteStrokeScale({ canvas }: { canvas: RefObject<HTMLDivElement | null> }) {
  const zoom = useFlowState((s) => s.transform[2]);
  useEffect(() => {
    const el = canvas.current;
    el?.style.setProperty("--route-zoom", String(zoom));
    return () => {
      el?.style.removeProperty("--route-zoom");
    };
  }, [canvas, zoom]);
  return null;
}

/** What the overlays say about an edge, in words (colour is not the only signal). */
function emphasisWords(emphasis: "leak" | "drop" | null | undefined, onRoute: boolean | undefined): string {
  return (emphasis === "drop" ? ", drops out here" : emphasis === "leak" ? ", attackers get through here" : "") + (onRoute ? ", on the attack route shown" : "");
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
