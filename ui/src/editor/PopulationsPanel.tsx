import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { idsOf, isObj, setIn, type ModelDoc, type Obj } from "./model";
import { QuantityEditor } from "./QuantityEditor";

/** Who moves through the journeys: kind, segment, value or loss per success (spec §3). */
export function PopulationsPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const doc = useStore(store, (s) => s.doc);
  const list = Array.isArray(doc.populations) ? (doc.populations as unknown[]) : [];
  const sources = idsOf(doc, "sources");
  const update = (i: number, edit: (p: Obj) => Obj, coalesce?: string) =>
    store.getState().apply(
      (d: ModelDoc) => ({
        ...d,
        populations: (Array.isArray(d.populations) ? d.populations : []).map((p, j) => (j === i && isObj(p) ? edit(p) : p)),
      }),
      coalesce,
    );
  const add = () => {
    const taken = new Set(list.filter(isObj).map((p) => p.id));
    let n = 1;
    while (taken.has(`population_${n}`)) n++;
    store.getState().apply((d) => ({
      ...d,
      populations: [...(Array.isArray(d.populations) ? d.populations : []), { id: `population_${n}`, kind: "legitimate" }],
    }));
  };
  return (
    <aside className="inspector" data-testid="populations-panel">
      <div className="per-pop-head">
        <h3>Populations</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      {list.map((raw, i) => {
        if (!isObj(raw)) return null;
        const p = raw;
        const attacker = p.kind === "attacker";
        const money = attacker ? "loss_per_success" : "value_per_success";
        return (
          <fieldset key={i} className="exits" data-testid={`population-${String(p.id)}`}>
            <legend>
              <code>{String(p.id)}</code>
            </legend>
            <label className="field">
              name
              <input value={typeof p.name === "string" ? p.name : ""} onChange={(e) => update(i, (x) => setIn(x, ["name"], e.target.value || undefined), `pop:${i}:name`)} />
            </label>
            <label className="field-inline">
              kind
              <select value={String(p.kind ?? "")} onChange={(e) => update(i, (x) => setIn(x, ["kind"], e.target.value))}>
                <option value="legitimate">legitimate</option>
                <option value="attacker">attacker</option>
              </select>
            </label>
            <label className="field">
              segment
              <input value={typeof p.segment === "string" ? p.segment : ""} onChange={(e) => update(i, (x) => setIn(x, ["segment"], e.target.value || undefined), `pop:${i}:segment`)} />
            </label>
            <div className="field">
              {attacker ? `loss per successful attack (${String(doc.currency ?? "USD")})` : `value per completed journey (${String(doc.currency ?? "USD")})`}
              <QuantityEditor
                value={p[money] ?? 0}
                onChange={(v) => update(i, (x) => setIn(x, [money], v), `pop:${i}:${money}`)}
                sources={sources}
                testid={`population-${String(p.id)}-${money}`}
                path={p[money] === undefined ? undefined : `populations/${String(p.id)}/${money}`}
              />
            </div>
            <button
              type="button"
              className="link"
              onClick={() =>
                store.getState().apply((d) => ({
                  ...d,
                  populations: (Array.isArray(d.populations) ? d.populations : []).filter((_, j) => j !== i),
                }))
              }
            >
              remove population
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" data-testid="population-add" onClick={add}>
        Add population
      </button>
      <p className="muted field-note">
        Renaming a population id is not offered here: journeys, parameters and guardrails refer to it.
      </p>
    </aside>
  );
}
