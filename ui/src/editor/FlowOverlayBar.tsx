import { Panel, ViewportPortal, useNodes } from "@xyflow/react";
import { useEffect, useMemo } from "react";
import { useStore } from "zustand";

import { thousands } from "../format/numbers";
import { isDirty, type EditorStore } from "./editorStore";
import { FLOW_COLOURS, describeRun, enteringPopulations, outcomeSummary, staleNote, type DropBadge } from "./flowOverlay";
import { useFlowOverlay, type FlowStore } from "./flowStore";
import { NODE_HEIGHT, NODE_WIDTH } from "./graph";
import { isObj, type ModelDoc } from "./model";

const OUTCOME_WORDS: Record<string, string> = { success: "success", abandoned: "abandoned", blocked: "blocked" };

/** The chosen population if it enters the journey (of the run's model version, else the document's). */
function useChosen(store: EditorStore, flow: FlowStore) {
  const doc = useStore(store, (s) => s.doc);
  const journeyId = useStore(store, (s) => s.journeyId);
  const runDoc = useStore(flow, (s) => s.runDoc);
  const population = useStore(flow, (s) => s.population);
  // The flows are the run's: so are the populations offered (the document's until it is known).
  const source = isObj(runDoc) ? (runDoc as ModelDoc) : doc;
  const populations = useMemo(() => (journeyId ? enteringPopulations(source, journeyId) : []), [source, journeyId]);
  const chosen = populations.find((p) => p.id === population) ?? null;
  return { journeyId, source, populations, chosen, kind: chosen?.kind ?? "legitimate" };
}

/**
 * The "Flow" control over the canvas (in the journey tab row, so it never hides a step):
 * choose a population that enters the journey, or Off, to draw from the newest finished
 * run of this model file the share of its entrants taking each exit.
 */
export function FlowControl({ store, flow }: { store: EditorStore; flow: FlowStore }) {
  const path = useStore(store, (s) => s.path);
  const runState = useStore(flow, (s) => s.run);
  const error = useStore(flow, (s) => s.error);
  const loading = useStore(flow, (s) => s.loading);
  const { journeyId, populations, chosen, kind } = useChosen(store, flow);

  // A save gives the file a path (or a new one): look for its runs again.
  useEffect(() => {
    void flow.getState().loadRun(path);
  }, [flow, path]);
  // Changing journey, population or run fetches the flows again.
  useEffect(() => {
    if (journeyId) void flow.getState().show(journeyId, chosen?.id ?? null, kind);
  }, [flow, journeyId, chosen?.id, kind, runState]);

  const run = runState.status === "ready" ? runState.run : null;
  return (
    <div className={`flow-bar${chosen ? " is-on" : ""}`} data-testid="flow-bar" data-status={runState.status} data-kind={chosen ? kind : undefined}>
      <label className="flow-choose" title="Draw where a population goes, from the newest finished run of this model file">
        <span className="flow-title">Flow</span>
        <select data-testid="flow-population" value={chosen?.id ?? ""} disabled={!run} onChange={(e) => flow.getState().choose(e.target.value || null)}>
          <option value="">Off</option>
          {(["legitimate", "attacker"] as const).map((k) => {
            const group = populations.filter((p) => p.kind === k);
            return (
              group.length > 0 && (
                <optgroup key={k} label={k === "attacker" ? "Attackers" : "Legitimate users"}>
                  {group.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              )
            );
          })}
        </select>
      </label>
      {chosen && <span className={`flow-kind flow-kind-${kind}`}>{kind}</span>}
      {runState.status === "loading" && <span className="muted">looking for a run…</span>}
      {runState.status === "none" && (
        <span className="muted" data-testid="flow-no-run">
          {runState.reason}
        </span>
      )}
      {runState.status === "error" && (
        <span className="bad" data-testid="flow-error" data-code={runState.error.code}>
          {runState.error.message}
        </span>
      )}
      {chosen && loading && <span className="muted">…</span>}
      {chosen && error && (
        <span className="bad" data-testid="flow-error" data-code={error.code}>
          {error.message}
        </span>
      )}
      <button
        type="button"
        className="link flow-refresh"
        data-testid="flow-refresh"
        title="Look again for the newest finished run"
        onClick={() => void flow.getState().loadRun(store.getState().path)}
      >
        ↻
      </button>
    </div>
  );
}

/**
 * While a population is shown: the run the flows come from, the population's outcomes,
 * a legend, and a warning when the document is not the run's model version.
 */
export function FlowDetails({ store, flow }: { store: EditorStore; flow: FlowStore }) {
  const doc = useStore(store, (s) => s.doc);
  const dirty = useStore(store, isDirty);
  const runState = useStore(flow, (s) => s.run);
  const runDoc = useStore(flow, (s) => s.runDoc);
  const flows = useStore(flow, (s) => s.flows);
  const { source, chosen, kind } = useChosen(store, flow);
  const run = runState.status === "ready" ? runState.run : null;
  // Only while a population is shown: comparing whole documents on every edit is wasted otherwise.
  const stale = useMemo(() => (run && chosen ? staleNote(doc, dirty, run, runDoc) : null), [doc, dirty, run, runDoc, chosen]);
  if (!run || !chosen) return null;
  const period = typeof source.period === "string" ? source.period : "period";
  const shown = flows && flows.population === chosen.id ? flows : null;
  return (
    <div className="flow-details" data-testid="flow-details">
      <div className="flow-box">
        <span className="muted flow-run" data-testid="flow-run" data-run-id={run.id} title="The flows are those of this stored run">
          {describeRun(run)}
        </span>
      </div>
      {shown && (
        <div className="flow-box flow-summary" data-testid="flow-summary">
          <span className="muted">
            of {thousands(shown.entrants)} {chosen.name} a {period}:
          </span>
          {outcomeSummary(shown).map((o) => (
            <span
              key={o.cls}
              className={`flow-outcome flow-outcome-${o.cls}${kind === "attacker" && o.cls === "success" && o.share > 0 ? " is-leak" : ""}`}
              data-testid={`flow-outcome-${o.cls}`}
              data-share={o.share}
            >
              <strong>{o.label}</strong> {OUTCOME_WORDS[o.cls]}
            </span>
          ))}
          <span className="flow-legend muted" title="Stroke width grows with the square root of the share, so small exits stay visible">
            <i style={{ background: kind === "attacker" ? FLOW_COLOURS.attacker : FLOW_COLOURS.legitimate }} />
            {kind === "attacker" ? "attack path" : "path"}
            <i className="flow-legend-dashed" style={{ color: kind === "attacker" ? FLOW_COLOURS.leak : FLOW_COLOURS.drop }} />
            {kind === "attacker" ? "gets through" : "drops out / blocked"}
          </span>
        </div>
      )}
      {stale && (
        <div className="flow-box flow-stale" data-testid="flow-stale">
          ⚠ {stale}
        </div>
      )}
    </div>
  );
}

/** Badges under action steps for their implicit abandon exit (it has no edge to draw). */
export function FlowDropBadges({ drops }: { drops: DropBadge[] }) {
  const nodes = useNodes();
  if (drops.length === 0) return null;
  const at = new Map(nodes.map((n) => [n.id, n]));
  return (
    <ViewportPortal>
      {drops.map((d) => {
        const node = at.get(d.step);
        if (!node) return null;
        const height = node.measured?.height ?? NODE_HEIGHT;
        return (
          <div
            key={d.step}
            className="flow-drop"
            data-testid={`flow-drop-${d.step}`}
            data-share={d.share}
            style={{ transform: `translate(${node.position.x + NODE_WIDTH}px, ${node.position.y + height}px) translate(-100%, 3px)` }}
            title="Share of the population's entrants abandoning at this step"
          >
            {d.label}
          </div>
        );
      })}
    </ViewportPortal>
  );
}

/** What the overlay adds inside the canvas: its details (a panel) and the drop badges. */
export function FlowLayer({ store, flow, journeyId }: { store: EditorStore; flow: FlowStore; journeyId: string }) {
  const overlay = useFlowOverlay(flow, journeyId);
  return (
    <>
      <Panel position="bottom-left" className="flow-panel">
        <FlowDetails store={store} flow={flow} />
      </Panel>
      {overlay && <FlowDropBadges drops={overlay.drops} />}
    </>
  );
}
