// The editor screen's shell: its stores (document, what-if, flow overlay, attack surface), the layout
// (toolbar, journey tabs, palette, canvas column, side panel), live validation, the
// screen-wide keyboard shortcuts (shortcuts.ts, listed by the `?` overlay) and the close
// confirmation. The parts are in their own
// modules: Toolbar, Palette, Canvas, ProblemsList, HistoryPanel and the other panels.

import "@xyflow/react/dist/style.css";
import "./editor.css";

import { ReactFlowProvider } from "@xyflow/react";
import { useEffect, useState } from "react";
import { useStore } from "zustand";

import { BackendContext } from "../backendContext";
import type { Backend } from "../ipc";
import { createEditorStore, isDirty, type EditorStore } from "./editorStore";
import { Canvas } from "./Canvas";
import { ControlsPanel } from "./ControlsPanel";
import { HistoryPanel } from "./HistoryPanel";
import { Inspector } from "./Inspector";
import { OwnersPanel } from "./OwnersPanel";
import { Palette } from "./Palette";
import { PopulationsPanel } from "./PopulationsPanel";
import { Problems } from "./ProblemsList";
import { onEditorKey } from "./shortcuts";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { RiskSignalsPanel } from "./RiskSignalsPanel";
import { Toolbar } from "./Toolbar";
import { WhatIfStrip } from "./WhatIfStrip";
import { ThresholdExplorer } from "../explorer/ThresholdExplorer";
import { AttackPanel } from "./AttackPanel";
import { createAttackStore, type AttackStore } from "./attackStore";
import { FlowControl } from "./FlowOverlayBar";
import { createFlowStore, type FlowStore } from "./flowStore";
import { exclusiveOverlays } from "./overlays";
import { createWhatIfStore, type WhatIfStore } from "./whatIf";
import { journeys, type ModelDoc } from "./model";
import { EvidenceContext, type EvidenceTarget } from "./evidence/evidenceContext";

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
  const [attack] = useState(() => createAttackStore(backend));
  // The evidence dialogs replace the whole document with the engine's: one undoable edit.
  const [evidence] = useState<EvidenceTarget>(() => ({
    document: () => store.getState().doc,
    replace: (doc) => store.getState().apply(() => doc),
  }));
  // One overlay on the canvas at a time: a population's flow or an attack route.
  useEffect(() => exclusiveOverlays(flow, attack), [flow, attack]);
  const finish = () => {
    const s = store.getState();
    onClose(s.savedOnce ? s.path : null);
  };
  return (
    <BackendContext.Provider value={backend}>
      <EvidenceContext.Provider value={evidence}>
        <ReactFlowProvider>
          <EditorLayout store={store} whatIf={whatIf} flow={flow} attack={attack} onClose={finish} backend={backend} />
        </ReactFlowProvider>
      </EvidenceContext.Provider>
    </BackendContext.Provider>
  );
}

function EditorLayout({
  store,
  whatIf,
  flow,
  attack,
  onClose,
  backend,
}: {
  store: EditorStore;
  whatIf: WhatIfStore;
  flow: FlowStore;
  attack: AttackStore;
  onClose(): void;
  backend: Backend;
}) {
  const [exploring, setExploring] = useState<{ journey: string; step: string } | null>(null);
  const doc = useStore(store, (s) => s.doc);
  const journeyId = useStore(store, (s) => s.journeyId);
  const validate = useStore(store, (s) => s.validate);
  const [confirmClose, setConfirmClose] = useState(false);
  const [side, setSide] = useState<"inspector" | "history" | "populations" | "controls" | "signals" | "owners" | "attack">("inspector");

  // Live validation, debounced.
  useEffect(() => {
    const timer = setTimeout(() => void validate(), 300);
    return () => clearTimeout(timer);
  }, [doc, validate]);

  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onEditorKey(e, store, () => setHelp(true));
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  const close = () => {
    if (isDirty(store.getState())) setConfirmClose(true);
    else onClose();
  };

  return (
    <section className="editor" data-testid="editor" aria-label="Journey editor">
      <Toolbar
        store={store}
        onClose={close}
        onHistory={() => setSide(side === "history" ? "inspector" : "history")}
        onPopulations={() => setSide(side === "populations" ? "inspector" : "populations")}
        onControls={() => setSide(side === "controls" ? "inspector" : "controls")}
        onSignals={() => setSide(side === "signals" ? "inspector" : "signals")}
        onOwners={() => setSide(side === "owners" ? "inspector" : "owners")}
        attackOpen={side === "attack"}
        onAttack={() => setSide(side === "attack" ? "inspector" : "attack")}
        onHelp={() => setHelp(true)}
      />
      <div className="journey-tabs">
        {/* The tab list holds the tabs only (ARIA); the flow control sits beside it. */}
        <div className="journey-tab-list" role="tablist" aria-label="Journeys">
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
        </div>
        <FlowControl store={store} flow={flow} />
      </div>
      <div className="editor-body">
        {/* The attack surface is an analysis: its panel takes the palette's room, so the canvas keeps enough to show a route. */}
        {side !== "attack" && <Palette store={store} />}
        <div className="canvas-column">
          <WhatIfStrip store={store} whatIf={whatIf} />
          {journeyId ? <Canvas key={journeyId} store={store} flow={flow} attack={attack} journeyId={journeyId} /> : <p className="empty">This model has no journeys.</p>}
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
        ) : side === "attack" ? (
          <AttackPanel store={store} attack={attack} flow={flow} onClose={() => setSide("inspector")} />
        ) : (
          <Inspector store={store} onExploreGate={(journey, step) => setExploring({ journey, step })} />
        )}
      </div>
      {exploring && (
        <ThresholdExplorer backend={backend} editor={store} journeyId={exploring.journey} stepId={exploring.step} onClose={() => setExploring(null)} />
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
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
