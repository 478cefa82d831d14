// Preparing a workshop: its name and agenda — items added by kind (filled in from the
// model), titled, time-boxed, reordered, removed — then saved to the workspace.
import { useState } from "react";

import type { ItemKind, Workshop } from "../ipc";
import { journeys, type ModelDoc } from "../editor/model";
import { ITEM_KINDS, moveItem, newItem, removeItem, replaceItem, riskGates, scenarios, type ItemKindName } from "./workshopModel";

export function AgendaEditor({
  initial,
  doc,
  onSave,
  onCancel,
  error,
}: {
  initial: Workshop;
  doc: ModelDoc;
  onSave(w: Workshop, start: boolean): void;
  onCancel(): void;
  error: string | null;
}) {
  const [w, setW] = useState(initial);
  const [kind, setKind] = useState<ItemKindName>("journey");
  return (
    <div className="agenda-editor" data-testid="agenda-editor">
      <label className="field">
        Workshop name
        <input value={w.name} data-testid="workshop-name" onChange={(e) => setW({ ...w, name: e.target.value })} />
      </label>
      <ol className="agenda-items">
        {w.items.map((item, i) => (
          <li key={i} className="agenda-item" data-testid={`workshop-item-${i}`} data-kind={item.what.kind}>
            <div className="agenda-item-row">
              <label className="field-inline">
                title
                <input value={item.title} data-testid={`workshop-item-${i}-title`} onChange={(e) => setW(replaceItem(w, i, { title: e.target.value }))} />
              </label>
              <label className="field-inline">
                minutes
                <input
                  type="number"
                  min={1}
                  max={480}
                  className="agenda-minutes"
                  value={item.minutes}
                  data-testid={`workshop-item-${i}-minutes`}
                  onChange={(e) => setW(replaceItem(w, i, { minutes: Math.max(0, Math.round(Number(e.target.value) || 0)) }))}
                />
              </label>
              <button type="button" className="button button-ghost" aria-label={`move item ${i + 1} up`} disabled={i === 0} data-testid={`workshop-item-${i}-up`} onClick={() => setW(moveItem(w, i, -1))}>
                ↑
              </button>
              <button
                type="button"
                className="button button-ghost"
                aria-label={`move item ${i + 1} down`}
                disabled={i + 1 === w.items.length}
                data-testid={`workshop-item-${i}-down`}
                onClick={() => setW(moveItem(w, i, 1))}
              >
                ↓
              </button>
              <button type="button" className="link" aria-label={`remove item ${i + 1}`} data-testid={`workshop-item-${i}-remove`} onClick={() => setW(removeItem(w, i))}>
                remove
              </button>
            </div>
            <KindFields what={item.what} doc={doc} testid={`workshop-item-${i}`} onChange={(what) => setW(replaceItem(w, i, { what }))} />
          </li>
        ))}
      </ol>
      <div className="agenda-add">
        <label className="field-inline">
          add
          <select value={kind} data-testid="workshop-add-kind" onChange={(e) => setKind(e.target.value as ItemKindName)}>
            {ITEM_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" data-testid="workshop-add" onClick={() => setW({ ...w, items: [...w.items, newItem(kind, doc)] })}>
          Add item
        </button>
      </div>
      {error && (
        <p className="field-note bad" role="alert" data-testid="workshop-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button button-ghost" data-testid="workshop-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button" data-testid="workshop-save" onClick={() => onSave(w, false)}>
          Save
        </button>
        <button type="button" className="button button-primary" data-testid="workshop-save-start" disabled={w.items.length === 0} onClick={() => onSave(w, true)}>
          Save and start
        </button>
      </div>
    </div>
  );
}

function KindFields({ what, doc, testid, onChange }: { what: ItemKind; doc: ModelDoc; testid: string; onChange(w: ItemKind): void }) {
  const pops = (Array.isArray(doc.populations) ? (doc.populations as { id: string }[]) : []).map((p) => p.id);
  switch (what.kind) {
    case "journey":
      return (
        <div className="agenda-item-row">
          <label className="field-inline">
            journey
            <select value={what.journey} data-testid={`${testid}-journey`} onChange={(e) => onChange({ ...what, journey: e.target.value })}>
              {journeys(doc).map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name ?? j.id}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            flow of
            <select value={what.population ?? ""} data-testid={`${testid}-population`} onChange={(e) => onChange({ ...what, population: e.target.value || null })}>
              <option value="">(no flow)</option>
              {pops.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case "compare":
      return (
        <label className="field-inline">
          run id (empty: the newest run)
          <input
            inputMode="numeric"
            value={what.run_id ?? ""}
            data-testid={`${testid}-run`}
            onChange={(e) => onChange({ ...what, run_id: e.target.value.trim() === "" ? null : Math.max(0, Math.round(Number(e.target.value) || 0)) })}
          />
        </label>
      );
    case "thresholds":
      return (
        <label className="field-inline">
          risk gate
          <select
            value={`${what.journey}/${what.step}`}
            data-testid={`${testid}-gate`}
            onChange={(e) => {
              const [journey = "", step = ""] = e.target.value.split("/");
              onChange({ ...what, journey, step });
            }}
          >
            {riskGates(doc).map((g) => (
              <option key={`${g.journey}/${g.step}`} value={`${g.journey}/${g.step}`}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      );
    case "elicit":
      return (
        <div className="agenda-item-row">
          <label className="field-inline">
            quantity (slash path)
            <input className="mono agenda-path" value={what.path} data-testid={`${testid}-path`} onChange={(e) => onChange({ ...what, path: e.target.value })} />
          </label>
          <label className="field-inline">
            fitted as
            <select value={what.family} data-testid={`${testid}-family`} onChange={(e) => onChange({ ...what, family: e.target.value as typeof what.family })}>
              <option value="beta">a probability (Beta)</option>
              <option value="pert">an amount (PERT)</option>
              <option value="lognormal">an amount (lognormal)</option>
            </select>
          </label>
        </div>
      );
    case "decision":
      return (
        <label className="field-inline">
          scenario
          <select value={what.scenario} data-testid={`${testid}-scenario`} onChange={(e) => onChange({ ...what, scenario: e.target.value })}>
            {scenarios(doc).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      );
    case "notes":
      return (
        <label className="field">
          text for the room
          <textarea rows={2} value={what.text} data-testid={`${testid}-text`} onChange={(e) => onChange({ ...what, text: e.target.value })} />
        </label>
      );
  }
}
