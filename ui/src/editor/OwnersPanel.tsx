import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { addTeam, DECISION_AREAS, ownersOf, removeTeam, toggleDecides, updateOwners, updateTeam } from "./governance";

/** Governance (spec §9): the accountable person or role and the teams with the areas each decides. */
export function OwnersPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const doc = useStore(store, (s) => s.doc);
  const { accountable, teams } = ownersOf(doc);
  return (
    <aside className="inspector" data-testid="owners-panel">
      <div className="per-pop-head">
        <h3>Owners &amp; teams</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      <label className="field">
        accountable (one person or role)
        <input
          value={accountable}
          data-testid="owners-accountable"
          onChange={(e) => store.getState().apply((d) => updateOwners(d, (o) => ({ ...o, accountable: e.target.value })), "owners:accountable")}
        />
      </label>
      {teams.map((t, i) => {
        const id = String(t.id);
        const decides = Array.isArray(t.decides) ? (t.decides as unknown[]).map(String) : [];
        const others = decides.filter((a) => !(DECISION_AREAS as readonly string[]).includes(a));
        return (
          <fieldset key={i} className="exits" data-testid={`team-${id}`}>
            <legend>
              <code>{id}</code>{" "}
              <button type="button" className="link" data-testid={`team-${id}-remove`} onClick={() => store.getState().apply((d) => removeTeam(d, i))}>
                remove
              </button>
            </legend>
            <label className="field">
              name
              <input
                value={typeof t.name === "string" ? t.name : ""}
                data-testid={`team-${id}-name`}
                onChange={(e) => store.getState().apply((d) => updateTeam(d, i, (x) => ({ ...x, name: e.target.value })), `team:${i}:name`)}
              />
            </label>
            <div className="field">
              decides
              <div className="decides">
                {DECISION_AREAS.map((area) => (
                  <label key={area} className="field-inline">
                    <input
                      type="checkbox"
                      checked={decides.includes(area)}
                      data-testid={`team-${id}-decides-${area}`}
                      onChange={(e) => store.getState().apply((d) => updateTeam(d, i, (x) => toggleDecides(x, area, e.target.checked)))}
                    />
                    {area}
                  </label>
                ))}
              </div>
              {others.length > 0 && <span className="muted">also: {others.join(", ")}</span>}
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button" data-testid="team-add" onClick={() => store.getState().apply(addTeam)}>
        Add team
      </button>
    </aside>
  );
}
