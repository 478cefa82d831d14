import { useEffect, useState } from "react";
import { useStore } from "zustand";

import { ErrorBanner } from "../components/ErrorBanner";
import type { HeadlineCard, SensitivityView } from "../ipc";
import { compact, formatValue, thousands } from "../format/numbers";
import { sensitivityKey, type ResultsStore } from "./resultsStore";
import { formatRho, tornadoLayout, truncate } from "./sensitivityFormat";

/** Characters of an input's name drawn beside its bar (the full name is its tooltip). */
const LABEL_CHARS = 56;

/**
 * What drives an output of the shown run: the tornado (largest 15 swings), the rank
 * correlation of every uncertain input over the run's iterations, and the top drivers
 * in words. Loaded when opened: the correlations recompute the run's input draws.
 */
export function Sensitivity({
  store,
  runId,
  scenario,
  scenarioName,
  metrics,
}: {
  store: ResultsStore;
  runId: number;
  scenario: string;
  scenarioName: string;
  metrics: HeadlineCard[];
}) {
  const [open, setOpen] = useState(false);
  const [metric, setMetric] = useState("fraud_loss");
  const chosen = metrics.some((m) => m.metric === metric) ? metric : (metrics[0]?.metric ?? metric);
  const view = useStore(store, (s) => s.sensitivity[sensitivityKey(runId, scenario, chosen)]);
  const load = useStore(store, (s) => s.loadSensitivity);
  useEffect(() => {
    if (open) void load(runId, chosen, scenario);
  }, [open, load, runId, chosen, scenario]);
  return (
    <div className="sensitivity" data-testid="sensitivity">
      <div className="sensitivity-head">
        <h4 className="subsection-title">What drives the results</h4>
        {open ? (
          <label className="inline-field">
            <span>Output</span>
            <select data-testid="sensitivity-metric" value={chosen} onChange={(e) => setMetric(e.target.value)}>
              {metrics.map((m) => (
                <option key={m.metric} value={m.metric}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <button type="button" className="button" data-testid="sensitivity-open" onClick={() => setOpen(true)}>
            Show sensitivity
          </button>
        )}
        {open && <span className="meta">{scenarioName}</span>}
      </div>
      {open &&
        (!view || view.status === "loading" || view.status === "idle" ? (
          <p className="muted" data-testid="sensitivity-loading">
            Recomputing the run&apos;s input draws…
          </p>
        ) : view.status === "failed" ? (
          <ErrorBanner title="The sensitivity could not be computed" error={view.error} />
        ) : (
          <SensitivityBody view={view.data} />
        ))}
    </div>
  );
}

function SensitivityBody({ view }: { view: SensitivityView }) {
  return (
    <div className="sensitivity-body" data-testid="sensitivity-view" data-metric={view.metric}>
      <ul className="drivers" data-testid="sensitivity-drivers">
        {view.drivers.map((d) => (
          <li key={d} data-testid="sensitivity-driver">
            {d}
          </li>
        ))}
      </ul>
      <Tornado view={view} />
      <Correlations view={view} />
    </div>
  );
}

function Tornado({ view }: { view: SensitivityView }) {
  if (view.swings.length === 0)
    return <p className="muted">No uncertain input in this model: every quantity is fixed.</p>;
  const layout = tornadoLayout(view.swings, view.base);
  const out = (x: number) => compact(x, view.unit, view.currency);
  const inp = (x: number, s: SensitivityView["swings"][number]) => formatValue(x, s.input_unit, view.currency);
  return (
    <figure className="tornado" data-testid="tornado" data-bars={view.swings.length}>
      <figcaption className="meta">
        {view.label}: each uncertain input at its P10 and its P90 with every other at its median (expected
        mode) — the {view.swings.length} largest of {view.inputs} inputs. Base {out(view.base)}.
      </figcaption>
      <svg
        role="img"
        aria-label={`Tornado of ${view.label}`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxWidth: layout.width }}
      >
        <g className="tornado-legend" transform={`translate(${layout.plotLeft}, 12)`}>
          <rect x={0} y={0} width={12} height={10} className="bar-low" />
          <text x={17} y={9}>
            input at its P10
          </text>
          <rect x={120} y={0} width={12} height={10} className="bar-high" />
          <text x={137} y={9}>
            input at its P90
          </text>
        </g>
        {layout.bars.map((b, i) => (
          <g key={b.swing.input} data-testid="tornado-bar" data-input={b.swing.input} data-swing={b.swing.swing}>
            <title>
              {`${b.swing.label}\nP10 ${inp(b.swing.input_low, b.swing)} → ${view.label.toLowerCase()} ${out(b.swing.output_low)}\nP90 ${inp(b.swing.input_high, b.swing)} → ${out(b.swing.output_high)}`}
            </title>
            {i % 2 === 0 && (
              <rect x={0} y={b.y} width={layout.width} height={layout.rowHeight} className="tornado-stripe" />
            )}
            <text x={layout.plotLeft - 66} y={b.y + layout.rowHeight / 2 + 4} textAnchor="end" className="tornado-label">
              {truncate(b.swing.label, LABEL_CHARS)}
            </text>
            <rect x={b.lowX} y={b.y + 4} width={Math.max(b.lowWidth, 0.5)} height={layout.rowHeight - 8} className="bar-low" />
            <rect x={b.highX} y={b.y + 4} width={Math.max(b.highWidth, 0.5)} height={layout.rowHeight - 8} className="bar-high" />
            <text x={b.leftX - 4} y={b.y + layout.rowHeight / 2 + 4} textAnchor="end" className="tornado-value">
              {out(b.leftValue)}
            </text>
            <text x={b.rightX + 4} y={b.y + layout.rowHeight / 2 + 4} className="tornado-value">
              {out(b.rightValue)}
            </text>
          </g>
        ))}
        <line
          x1={layout.baseX}
          x2={layout.baseX}
          y1={layout.top - 4}
          y2={layout.height - layout.rowHeight + 4}
          className="tornado-base"
        />
        <text x={layout.baseX} y={layout.height - 8} textAnchor="middle" className="tornado-value">
          base {out(view.base)}
        </text>
      </svg>
    </figure>
  );
}

function Correlations({ view }: { view: SensitivityView }) {
  return (
    <div className="correlations" data-testid="correlations">
      <h5 className="subsection-title">
        Rank correlation with {view.label.toLowerCase()} over{" "}
        {view.iterations < view.run_iterations
          ? `the first ${thousands(view.iterations)} of the run's ${thousands(view.run_iterations)} iterations`
          : `${thousands(view.iterations)} iterations of the run`}
        <span className="meta"> · |ρ| below {view.noise_level.toFixed(3)} (2/√n) is noise</span>
      </h5>
      {/* Scrolls: focusable so that a keyboard can scroll it (axe scrollable-region-focusable). */}
      <div className="table-wrap correlations-wrap" tabIndex={0} role="region" aria-label="Rank correlations">
        <table className="table table-compact">
          <thead>
            <tr>
              <th>Input</th>
              <th className="num">ρ</th>
              <th>
                <span className="sr-only">Strength</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rank_correlations.map((c) => {
              const noise = c.rho === null || Math.abs(c.rho) < view.noise_level;
              return (
                <tr
                  key={c.input}
                  data-testid="correlation-row"
                  data-input={c.input}
                  data-rho={c.rho ?? ""}
                  className={noise ? "correlation-noise" : undefined}
                >
                  <td title={c.input}>{c.label}</td>
                  <td className="num mono">{formatRho(c.rho)}</td>
                  <td className="rho-cell">
                    {c.rho !== null && (
                      <span
                        className={`rho-bar ${c.rho >= 0 ? "rho-pos" : "rho-neg"}`}
                        style={{ width: `${Math.round(Math.abs(c.rho) * 100)}%` }}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
