// The problems list under the canvas: the validation issues of the document, each one
// a button that opens its journey and brings its step into view.

import { useReactFlow } from "@xyflow/react";
import { useState } from "react";
import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { issueTarget } from "./model";

export function Problems({ store }: { store: EditorStore }) {
  const { fitView } = useReactFlow();
  const issues = useStore(store, (s) => s.issues);
  const validating = useStore(store, (s) => s.validating);
  const errors = issues.filter((i) => i.severity === "error").length;
  const [open, setOpen] = useState(true);
  return (
    <div className="problems" data-testid="problems" data-count={issues.length} data-errors={errors}>
      <button type="button" className="problems-head" onClick={() => setOpen(!open)}>
        Problems <span className="count">{issues.length}</span>
        {errors > 0 && <span className="badge badge-bad">{errors} blocking</span>}
        {validating && <span className="muted"> checking…</span>}
        {!validating && issues.length === 0 && <span className="ok"> ✓ valid</span>}
      </button>
      {open && issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => {
            const t = issueTarget(issue.path);
            return (
              <li key={i}>
                <button
                  type="button"
                  className={`problem issue-${issue.severity}`}
                  data-testid="problem-item"
                  data-path={issue.path}
                  onClick={() => {
                    if (!t) return;
                    const s = store.getState();
                    if (s.journeyId !== t.journey) s.setJourney(t.journey);
                    s.select(t.step ? [t.step] : []);
                    // Bring the step into view (after a tab switch has drawn its canvas).
                    if (t.step) {
                      const id = t.step;
                      setTimeout(() => void fitView({ nodes: [{ id }], duration: 250, maxZoom: 1 }), 80);
                    }
                  }}
                >
                  <span className="issue-severity">{issue.severity}</span>
                  {issue.path && <code>{issue.path}</code>} {issue.message}
                  {issue.hint && <span className="muted"> — {issue.hint}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
