import { useEffect } from "react";
import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { headlines, WHAT_IF_ITERATIONS, type WhatIfStore } from "./whatIf";

/** The "Live what-if (expected values)" toggle and its strip of headline numbers. */
export function WhatIfStrip({ store, whatIf }: { store: EditorStore; whatIf: WhatIfStore }) {
  const doc = useStore(store, (s) => s.doc);
  const on = useStore(whatIf, (s) => s.on);
  const seed = useStore(whatIf, (s) => s.seed);
  const baseline = useStore(whatIf, (s) => s.baseline);
  const current = useStore(whatIf, (s) => s.current);
  const error = useStore(whatIf, (s) => s.error);
  const running = useStore(whatIf, (s) => s.running);

  useEffect(() => {
    whatIf.getState().docChanged(doc);
  }, [doc, whatIf]);
  useEffect(() => () => whatIf.getState().dispose(), [whatIf]);

  const currency = typeof doc.currency === "string" ? doc.currency : "USD";
  const rows = headlines(baseline, current, currency);
  return (
    <div className={`whatif-strip${on ? " is-on" : ""}`} data-testid="whatif-strip">
      <div className="whatif-box">
        <label className="whatif-toggle" title={`Expected mode, ${WHAT_IF_ITERATIONS} iterations, one seed while on`}>
          <input
            type="checkbox"
            data-testid="whatif-toggle"
            checked={on}
            onChange={(e) => whatIf.getState().setOn(e.target.checked, store.getState().doc)}
          />
          Live what-if (expected values)
        </label>
        {on && error && (
          <span className="whatif-error bad" data-testid="whatif-error" data-code={error.code}>
            {error.message}
          </span>
        )}
        {on &&
          !error &&
          rows.map((h) => (
            <span key={h.key} className="whatif-metric" data-testid={`whatif-${h.key}`} data-mean={h.mean}>
              <span className="muted">{h.label}</span> <strong data-testid={`whatif-${h.key}-value`}>{h.value}</strong>
              {h.delta && <span className="whatif-delta muted" data-testid={`whatif-${h.key}-delta`}> ({h.delta})</span>}
            </span>
          ))}
        {on && (
          <span className="muted whatif-seed" data-testid="whatif-seed">
            {running ? "…" : ""} seed {seed}
          </span>
        )}
      </div>
    </div>
  );
}
