import { useEffect, useRef, useState } from "react";

import { useBackend } from "../backendContext";
import type { ErrorPayload, FunnelImport } from "../ipc";
import { toErrorPayload } from "../ipc";
import type { EditorStore } from "./editorStore";
import { describeQuantity } from "./catalogue";

const EXAMPLE = "journey,step,exit,population,n,k,period\nlogin,identify,abandon,customers,10000,150,2026-07";

/**
 * Import funnel counts: a CSV of counts per step exit calibrates every matching
 * per-population probability at once (the engine's fits, each citing a source with the
 * counts); the dialog lists what changes and what does not match before Apply, which is
 * one undoable edit.
 */
export function FunnelDialog({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const backend = useBackend();
  const [csv, setCsv] = useState("");
  const [prefix, setPrefix] = useState("funnel");
  const [result, setResult] = useState<FunnelImport | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  // Keyboard users land in the dialog (its text area) and go back to what opened it.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    field.current?.focus();
    return () => opener?.focus();
  }, []);
  const preview = async () => {
    if (!backend) return;
    setError(null);
    try {
      setResult(await backend.importFunnel(store.getState().doc, csv, prefix));
    } catch (e) {
      setResult(null);
      setError(toErrorPayload(e));
    }
  };
  const apply = () => {
    if (!result) return;
    const doc: unknown = JSON.parse(result.json);
    store.getState().apply(() => doc as ReturnType<EditorStore["getState"]>["doc"]);
    onClose();
  };
  return (
    <div className="modal-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="modal funnel-dialog" role="dialog" aria-modal="true" aria-labelledby="funnel-title" data-testid="funnel-dialog">
        <h3 id="funnel-title">Import funnel counts</h3>
        <p className="field-note muted">
          One row per step exit, population and period: <code>journey,step,exit,population,n,k,period</code>. Abandonment of an action, resolution
          at a support desk and the pass rate of a single-attempt control are calibrated; the rest is listed with why.
        </p>
        <label className="field">
          counts (CSV)
          <textarea
            ref={field}
            data-testid="funnel-csv"
            rows={8}
            value={csv}
            placeholder={EXAMPLE}
            onChange={(e) => {
              setCsv(e.target.value);
              setResult(null);
            }}
          />
        </label>
        <label className="field-inline">
          sources named
          <input data-testid="funnel-prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} />
          <span className="muted">_journey_step_exit_population</span>
        </label>
        <div className="modal-actions">
          <button type="button" className="button" data-testid="funnel-preview" onClick={() => void preview()} disabled={!csv.trim()}>
            Preview
          </button>
          <button type="button" className="button button-primary" data-testid="funnel-apply" onClick={apply} disabled={!result || result.changed.length === 0}>
            Apply {result ? `(${result.changed.length})` : ""}
          </button>
          <button type="button" className="link" onClick={onClose}>
            Cancel
          </button>
        </div>
        {error && (
          <p className="bad" role="alert" data-testid="funnel-error">
            {error.message}
          </p>
        )}
        {result && (
          <div data-testid="funnel-result" data-changed={result.changed.length} data-unmatched={result.unmatched.length}>
            <h4>Calibrated ({result.changed.length})</h4>
            <ul>
              {result.changed.map((c) => (
                <li key={c.path}>
                  <strong>{c.exit}</strong>: {describeQuantity(c.before)} → {describeQuantity(c.after)} — {c.verdict}
                  {c.note && <div className="muted">{c.note}</div>}
                </li>
              ))}
            </ul>
            {result.unmatched.length > 0 && (
              <>
                <h4>Not calibrated ({result.unmatched.length})</h4>
                <ul>
                  {result.unmatched.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
