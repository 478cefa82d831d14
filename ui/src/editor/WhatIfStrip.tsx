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
  const latencyMs = useStore(whatIf, (s) => s.latencyMs);

  // Subscribed to the store rather than reacting to renders: the request leaves as the
  // edit is applied, before the canvas re-renders, and the latency clock starts there.
  useEffect(
    () =>
      store.subscribe((now, before) => {
        if (now.doc !== before.doc) whatIf.getState().docChanged(now.doc);
      }),
    [store, whatIf],
  );
  useEffect(() => () => whatIf.getState().dispose(), [whatIf]);

  const currency = typeof doc.currency === "string" ? doc.currency : "USD";
  const rows = headlines(baseline, current, currency);
  return (
    <div className={`whatif-strip${on ? " is-on" : ""}`} data-testid="whatif-strip" data-running={String(running)}>
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
            {latencyMs !== null && (
              <span
                data-testid="whatif-latency"
                data-ms={latencyMs.toFixed(1)}
                title="From the edit to its numbers (expected mode, same seed)"
              >
                {" "}
                · updated in {Math.round(latencyMs)} ms
              </span>
            )}
          </span>
        )}
      </div>
    </div>
  );
}
