import { useState } from "react";
import { useStore } from "zustand";

import { CatalogueSection } from "./CatalogueSection";
import { FunnelDialog } from "./FunnelDialog";
import type { EditorStore } from "./editorStore";
import { idsOf, isObj, populationsOf, setIn, type ModelDoc, type Obj } from "./model";
import { PerPopulationEditor, QuantityEditor } from "./QuantityEditor";

const FACTORS = ["knowledge", "possession", "inherence", "bot_defence", "verification", "other"];

/** The control library (spec §4): create and edit controls that control steps use. */
export function ControlsPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const doc = useStore(store, (s) => s.doc);
  const [funnel, setFunnel] = useState(false);
  const list = Array.isArray(doc.controls) ? (doc.controls as unknown[]) : [];
  const sources = idsOf(doc, "sources");
  const populations = populationsOf(doc);
  const teams = isObj(doc.owners) && Array.isArray(doc.owners.teams) ? doc.owners.teams.filter(isObj).map((t) => String(t.id)) : [];
  const update = (i: number, path: string[], value: unknown, coalesce = true) =>
    store.getState().apply(
      (d: ModelDoc) => ({
        ...d,
        controls: (Array.isArray(d.controls) ? d.controls : []).map((c, j) => (j === i && isObj(c) ? setIn(c, path, value) : c)),
      }),
      coalesce ? `control:${i}:${path.join(".")}` : undefined,
    );
  const add = () => {
    const taken = new Set(list.filter(isObj).map((c) => c.id));
    let n = 1;
    while (taken.has(`control_${n}`)) n++;
    store.getState().apply((d) => ({
      ...d,
      controls: [
        ...(Array.isArray(d.controls) ? d.controls : []),
        { id: `control_${n}`, name: "New control", factor: "other", pass: { "*legitimate": 0.95, "*attacker": 0.1 } },
      ],
    }));
  };
  return (
    <aside className="inspector" data-testid="controls-panel">
      <div className="per-pop-head">
        <h3>Control library</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      <div className="panel-actions">
        <CatalogueSection store={store} />
        <button type="button" className="button" data-testid="funnel-open" onClick={() => setFunnel(true)}>
          Calibrate from funnel counts…
        </button>
      </div>
      {funnel && <FunnelDialog store={store} onClose={() => setFunnel(false)} />}
      {list.map((raw, i) => {
        if (!isObj(raw)) return null;
        const c: Obj = raw;
        const id = String(c.id);
        return (
          <fieldset key={i} className="exits" data-testid={`control-${id}`}>
            <legend>
              <code>{id}</code>
            </legend>
            <label className="field">
              name
              <input value={typeof c.name === "string" ? c.name : ""} onChange={(e) => update(i, ["name"], e.target.value)} />
            </label>
            <label className="field-inline">
              factor
              <select value={String(c.factor ?? "")} onChange={(e) => update(i, ["factor"], e.target.value, false)}>
                {FACTORS.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              AAL
              <select value={String(c.aal ?? "")} onChange={(e) => update(i, ["aal"], e.target.value ? Number(e.target.value) : undefined, false)}>
                <option value="">(none)</option>
                {[1, 2, 3].map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              phishing resistant
              <input
                type="checkbox"
                checked={c.phishing_resistant === true}
                onChange={(e) => update(i, ["phishing_resistant"], e.target.checked, false)}
              />
            </label>
            <label className="field">
              personal data collected (comma-separated)
              <input
                value={Array.isArray(c.collects) ? c.collects.join(", ") : ""}
                onChange={(e) => {
                  const items = e.target.value
                    .split(",")
                    .map((x) => x.trim())
                    .filter(Boolean);
                  update(i, ["collects"], items.length ? items : undefined);
                }}
              />
            </label>
            <label className="field-inline">
              owner
              <select value={typeof c.owner === "string" ? c.owner : ""} onChange={(e) => update(i, ["owner"], e.target.value || undefined, false)}>
                <option value="">(none)</option>
                {teams.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            <div className="field">
              cost per attempt ({String(doc.currency ?? "USD")})
              <QuantityEditor value={c.cost_per_attempt ?? 0} onChange={(v) => update(i, ["cost_per_attempt"], v)} sources={sources} testid={`control-${id}-cost`} path={c.cost_per_attempt === undefined ? undefined : `controls/${id}/cost_per_attempt`} />
            </div>
            <div className="field">
              seconds per attempt
              <QuantityEditor value={c.seconds_per_attempt ?? 0} onChange={(v) => update(i, ["seconds_per_attempt"], v)} sources={sources} testid={`control-${id}-seconds`} path={c.seconds_per_attempt === undefined ? undefined : `controls/${id}/seconds_per_attempt`} />
            </div>
            <div className="field">
              pass probability per attempt
              <PerPopulationEditor value={c.pass} onChange={(v) => update(i, ["pass"], v)} probability populations={populations} sources={sources} testid={`control-${id}-pass`} path={c.pass === undefined ? undefined : `controls/${id}/pass`} />
            </div>
            <div className="field">
              abandon probability per attempt
              <PerPopulationEditor value={c.abandon ?? 0} onChange={(v) => update(i, ["abandon"], v)} probability populations={populations} sources={sources} testid={`control-${id}-abandon`} path={c.abandon === undefined ? undefined : `controls/${id}/abandon`} />
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button" data-testid="control-add" onClick={add}>
        Add control
      </button>
    </aside>
  );
}
