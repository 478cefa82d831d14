// The editor's toolbar: close, the model's name and unsaved marker, undo/redo, the
// buttons that open the side panels (the attack surface among them), and saving (to the path typed, or Save As…).

import { useState } from "react";
import { useStore } from "zustand";

import { isDirty, type EditorStore } from "./editorStore";

export function Toolbar({
  store,
  onClose,
  onHistory,
  onPopulations,
  onControls,
  onSignals,
  onOwners,
  attackOpen,
  onAttack,
  onHelp,
}: {
  store: EditorStore;
  onClose(): void;
  onHistory(): void;
  onPopulations(): void;
  onControls(): void;
  onSignals(): void;
  onOwners(): void;
  /** Whether the attack surface panel is open. */
  attackOpen: boolean;
  onAttack(): void;
  /** Shows the keyboard shortcuts. */
  onHelp(): void;
}) {
  const doc = useStore(store, (s) => s.doc);
  const dirty = useStore(store, isDirty);
  const path = useStore(store, (s) => s.path);
  const canUndo = useStore(store, (s) => s.past.length > 0);
  const canRedo = useStore(store, (s) => s.future.length > 0);
  const saving = useStore(store, (s) => s.saving);
  const saveError = useStore(store, (s) => s.saveError);
  const saveNote = useStore(store, (s) => s.saveNote);
  const [target, setTarget] = useState(path ?? "");
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setTarget(path ?? "");
  }
  return (
    <div className="editor-toolbar">
      <button type="button" className="button button-ghost" data-testid="editor-close" onClick={onClose}>
        ← Close
      </button>
      <span className="editor-title" data-testid="editor-title">
        {typeof doc.name === "string" ? doc.name : "Untitled model"}
        {dirty && (
          <span className="dirty" data-testid="editor-dirty" title="Unsaved edits">
            ●
          </span>
        )}
      </span>
      <button type="button" className="button button-ghost" data-testid="editor-undo" disabled={!canUndo} onClick={() => store.getState().undo()} title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-redo" disabled={!canRedo} onClick={() => store.getState().redo()} title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-history" disabled={!path} onClick={onHistory} title="Saved versions of this model">
        History
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-populations" onClick={onPopulations} title="Populations of the model">
        Populations
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-controls" onClick={onControls} title="The control library">
        Controls
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-signals" onClick={onSignals} title="Risk signals and their score distributions">
        Signals
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-owners" onClick={onOwners} title="Accountable owner and teams">
        Owners
      </button>
      <button
        type="button"
        className="button button-ghost"
        data-testid="editor-attack"
        aria-pressed={attackOpen}
        onClick={onAttack}
        title="Routes to success, findings and access to the account (spec §11), computed on the document as edited"
      >
        Attack surface
      </button>
      <button type="button" className="button button-ghost" data-testid="editor-shortcuts" onClick={onHelp} title="Keyboard shortcuts (?)" aria-keyshortcuts="?">
        Shortcuts
      </button>
      <span className="toolbar-spacer" />
      <label className="save-path">
        <span className="muted">file</span>
        <input
          className="mono"
          value={target}
          placeholder="/path/to/model.json"
          aria-label="File to save to"
          data-testid="editor-path"
          onChange={(e) => setTarget(e.target.value)}
          onKeyDown={(e) => {
            // Enter saves to the file typed (a keyboard user's way to "Save").
            if (e.key === "Enter" && target.trim() !== "" && !saving) void store.getState().save(target.trim());
          }}
        />
      </label>
      <button
        type="button"
        className="button"
        data-testid="editor-save"
        disabled={saving || target.trim() === ""}
        title={target.trim() !== path ? "Save as this file" : "Save (Ctrl+S)"}
        onClick={() => void store.getState().save(target.trim())}
      >
        {path && target.trim() !== path ? "Save as" : "Save"}
      </button>
      <button
        type="button"
        className="button button-ghost"
        data-testid="editor-save-as-dialog"
        disabled={saving}
        title="Save As… (choose a file)"
        onClick={() => void store.getState().saveAs()}
      >
        Save As…
      </button>
      {saveNote && (
        <span className="save-note" data-testid="editor-saved">
          {saveNote}
        </span>
      )}
      {saveError && (
        <span className="save-note bad" data-testid="editor-save-error" data-code={saveError.code}>
          {saveError.message}
        </span>
      )}
    </div>
  );
}
