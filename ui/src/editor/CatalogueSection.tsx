import { useEffect, useState } from "react";

import { useBackend } from "../backendContext";
import type { Catalogue, ErrorPayload } from "../ipc";
import { toErrorPayload } from "../ipc";
import { addFromCatalogue, describeQuantity } from "./catalogue";
import { DRAG_TYPE } from "./paletteActions";
import type { EditorStore } from "./editorStore";

/**
 * The built-in catalogue at the top of the control library: standard controls with their
 * cited priors; "Add to model" copies one (with its sources) as one undoable edit, and
 * "Where the numbers come from" lists every number with its source.
 */
export function CatalogueSection({ store }: { store: EditorStore }) {
  const backend = useBackend();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (!open || catalogue || !backend) return;
    backend.listCatalogue().then(setCatalogue, (e: unknown) => setError(toErrorPayload(e)));
  }, [open, catalogue, backend]);
  if (!open)
    return (
      <button type="button" className="button" data-testid="catalogue-open" onClick={() => setOpen(true)}>
        Add from the catalogue…
      </button>
    );
  return (
    <section className="catalogue" data-testid="catalogue" aria-label="Control catalogue">
      <h4>Control catalogue</h4>
      {error && <p className="bad">{error.message}</p>}
      {catalogue && <p className="field-note muted">{catalogue.description}</p>}
      <ul className="catalogue-list">
        {catalogue?.controls.map((c) => (
          <li key={c.id} data-testid={`catalogue-${c.id}`}>
            <div
              className="catalogue-head"
              draggable
              title="Drag onto the canvas to add a step with this control (copied into the model with its sources)"
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ kind: "control", catalogue: c }));
                e.dataTransfer.effectAllowed = "copy";
              }}
            >
              <strong>{c.name}</strong>{" "}
              <span className="muted">
                {c.factor}
                {c.aal ? ` · AAL${c.aal}` : ""}
                {c.channel ? ` · ${c.channel}` : ""}
                {c.phishing_resistant ? " · phishing-resistant" : ""}
              </span>
            </div>
            <div className="catalogue-actions">
              <button
                type="button"
                className="button"
                data-testid={`catalogue-add-${c.id}`}
                onClick={() => store.getState().apply((d) => addFromCatalogue(d, c))}
              >
                Add to model
              </button>
              <button
                type="button"
                className="link"
                aria-expanded={shown === c.id}
                data-testid={`catalogue-sources-${c.id}`}
                onClick={() => setShown(shown === c.id ? null : c.id)}
              >
                Where the numbers come from
              </button>
            </div>
            {shown === c.id && (
              <table className="catalogue-numbers">
                <thead>
                  <tr>
                    <th scope="col">number</th>
                    <th scope="col">value</th>
                    <th scope="col">source</th>
                  </tr>
                </thead>
                <tbody>
                  {c.numbers.map((n) => (
                    <tr key={n.what}>
                      <td>{n.what}</td>
                      <td className="mono">{describeQuantity(n.quantity)}</td>
                      <td>{n.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
