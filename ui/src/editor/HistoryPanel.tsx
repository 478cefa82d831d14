// The side panel of the model file's saved versions, each one restorable into the editor.

import { useEffect } from "react";
import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";

export function HistoryPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const history = useStore(store, (s) => s.history);
  const path = useStore(store, (s) => s.path);
  useEffect(() => {
    void store.getState().loadHistory();
  }, [store, path]);
  return (
    <aside className="inspector" data-testid="history-panel">
      <div className="per-pop-head">
        <h3>Saved versions</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      {history === null ? (
        <p className="muted">Loading…</p>
      ) : "error" in history ? (
        <p className="bad">{history.error.message}</p>
      ) : history.rows.length === 0 ? (
        <p className="muted">No saved versions yet: each save records one.</p>
      ) : (
        <ul className="history-list">
          {history.rows.map((row) => (
            <li key={row.version} data-testid={`history-version-${row.version}`}>
              <span>
                <b>v{row.version}</b> <span className="muted">{row.created_at.replace("T", " ").slice(0, 19)}</span>
                {row.note && <span className="muted"> · {row.note}</span>}
              </span>
              <button
                type="button"
                className="link"
                data-testid={`history-restore-${row.version}`}
                onClick={() => void store.getState().restoreVersion(row.version)}
              >
                restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted field-note">Restoring replaces the document (undo brings the edits back); save to keep it.</p>
    </aside>
  );
}
