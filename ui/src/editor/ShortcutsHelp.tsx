// The keyboard shortcuts overlay (opened with `?` or the toolbar's "Shortcuts" button): the
// editor's one list of shortcuts, in a modal dialog (focus inside, Escape closes).
import "./evidence/evidence.css";
import { Dialog } from "./evidence/Dialog";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" testid="shortcuts-help" onClose={onClose}>
      <table className="table table-compact shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys} data-testid="shortcut">
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">Steps announce their kind, name and exits; edges their source, exit and target.</p>
    </Dialog>
  );
}
