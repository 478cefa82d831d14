// The workshops of the open model, on its screen: each with where it resumes, prepared
// (name, agenda) and started from here. Starting hands the workshop to the model screen,
// which turns into the presenter's view.
import { useCallback, useEffect, useState } from "react";

import type { Backend, Workshop, WorkshopSummary } from "../ipc";
import { toErrorPayload } from "../ipc";
import type { ModelDoc } from "../editor/model";
import { AgendaEditor } from "./AgendaEditor";
import { newWorkshop } from "./workshopModel";
import "./workshop.css";

export function WorkshopsPanel({
  backend,
  path,
  name,
  doc,
  onStart,
}: {
  backend: Backend;
  path: string;
  name: string;
  doc: ModelDoc;
  onStart(w: Workshop): void;
}) {
  const [list, setList] = useState<WorkshopSummary[] | null>(null);
  const [editing, setEditing] = useState<Workshop | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    backend.listWorkshops(path).then(setList, (e: unknown) => setError(toErrorPayload(e).message));
  }, [backend, path]);
  useEffect(reload, [reload]);

  const open = async (id: number, then: (w: Workshop) => void) => {
    try {
      then(await backend.getWorkshop(id));
    } catch (e) {
      setError(toErrorPayload(e).message);
    }
  };
  const save = async (w: Workshop, start: boolean) => {
    try {
      const saved = await backend.saveWorkshop(w);
      setEditing(null);
      setError(null);
      if (start) onStart(saved);
      else reload();
    } catch (e) {
      setError(toErrorPayload(e).message);
    }
  };

  return (
    <section className="workshops" data-testid="workshops">
      <h2 className="section-title">
        Workshops <span className="count">{list?.length ?? 0}</span>
      </h2>
      {editing ? (
        <AgendaEditor initial={editing} doc={doc} onSave={(w, start) => void save(w, start)} onCancel={() => setEditing(null)} error={error} />
      ) : (
        <>
          {list && list.length === 0 && <p className="meta">No workshop yet: prepare an agenda, then run it with an audience window for the room.</p>}
          {list && list.length > 0 && (
            <ul className="rows" aria-label="Workshops">
              {list.map((s) => (
                <li key={s.id} className="row" data-testid={`workshop-${s.id}`} data-current={s.current}>
                  <div className="row-main">
                    <span className="row-title">{s.name}</span>
                    <span className="meta">
                      {s.items} items
                      {s.started && !s.ended && s.current_title ? ` · resumes at item ${s.current}: ${s.current_title}` : ""}
                      {s.ended ? " · ended" : ""}
                    </span>
                  </div>
                  <div className="row-side">
                    <button type="button" className="button button-primary" data-testid={`workshop-start-${s.id}`} disabled={s.items === 0} onClick={() => void open(s.id, onStart)}>
                      {s.started && !s.ended ? "Resume" : "Start"}
                    </button>
                    <button type="button" className="button" data-testid={`workshop-edit-${s.id}`} onClick={() => void open(s.id, setEditing)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-ghost"
                      data-testid={`workshop-delete-${s.id}`}
                      onClick={() =>
                        void backend.deleteWorkshop(s.id).then(reload, (e: unknown) => setError(toErrorPayload(e).message))
                      }
                    >
                      Delete
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button" data-testid="workshop-new" onClick={() => setEditing(newWorkshop(path, `Workshop: ${name}`))}>
            New workshop…
          </button>
          {error && (
            <p className="field-note bad" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
