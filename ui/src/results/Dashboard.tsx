import { useEffect, useState } from "react";
import { useStore } from "zustand";

import { ErrorBanner } from "../components/ErrorBanner";
import type { ChartKind, DeltaView, ExportFormat, RunDashboard, ScenarioStatus, ScenarioView } from "../ipc";
import type { Remote } from "../store";
import { AttackFindings } from "./AttackFindings";
import { DecisionBadge } from "./DecisionBadge";
import { DecisionPanel } from "./DecisionPanel";
import { statusOf, type DecisionStore } from "./decisionStore";
import { formatDelta, formatSe, formatValue, percent, thousands } from "../format/numbers";
import { guardrailLimits, timestamp } from "./format";
import { samplingText, totalMetrics } from "../vocab";
import { chartKey, type ResultsStore } from "./resultsStore";
import { RunCheck } from "./RunCheck";
import { Sensitivity } from "./Sensitivity";

/** The dashboard of the run shown (nothing until one is). */
export function Dashboard({ store, decisions }: { store: ResultsStore; decisions: DecisionStore }) {
  const dashboard = useStore(store, (s) => s.dashboard);
  if (dashboard.status === "idle") return null;
  if (dashboard.status === "loading")
    return (
      <p className="muted" data-testid="dashboard-loading">
        Reading the results…
      </p>
    );
  if (dashboard.status === "failed")
    return <ErrorBanner title="The results could not be read" error={dashboard.error} />;
  return <DashboardView store={store} decisions={decisions} data={dashboard.data} />;
}

function DashboardView({ store, decisions, data }: { store: ResultsStore; decisions: DecisionStore; data: RunDashboard }) {
  const [scenarioId, setScenarioId] = useState("baseline");
  const statuses = useStore(decisions, (d) => d.statuses);
  const scenario = data.scenarios.find((s) => s.id === scenarioId) ?? data.scenarios[0];
  const run = data.run;
  if (!scenario) return null;
  return (
    <div className="dashboard" data-testid="dashboard" data-run-id={run.id}>
      <div className="dashboard-head">
        <h3 className="subsection-title">
          Results of run #{run.id}
          <span className="meta">
            {" "}
            · {timestamp(run.started_at)} UTC · model v{run.model_version} · {thousands(run.iterations)} iterations,{" "}
            {run.mode}
            {data.sampling !== "mc" && <span data-testid="dashboard-sampling">, {samplingText(data.sampling)}</span>}, seed{" "}
            <span className="mono" data-testid="dashboard-seed">{run.seed}</span> · per {data.period}
          </span>
        </h3>
        <PrecisionLine store={store} />
        {data.scenarios.length > 1 && (
          <div className="tabs" role="tablist">
            {data.scenarios.map((s) => (
              <button
                key={s.id}
                type="button"
                role="tab"
                aria-selected={s.id === scenario.id}
                className={`tab${s.id === scenario.id ? " tab-on" : ""}`}
                data-testid={`scenario-tab-${s.id}`}
                onClick={() => setScenarioId(s.id)}
              >
                {s.name}
                {s.id !== "baseline" && statusOf(statuses, s.id) !== "draft" && (
                  <>
                    {" "}
                    <DecisionBadge status={statusOf(statuses, s.id)} testid={`scenario-tab-status-${s.id}`} />
                  </>
                )}
              </button>
            ))}
          </div>
        )}
      </div>
      <Cards scenario={scenario} currency={data.currency} />
      <Guardrails scenario={scenario} currency={data.currency} />
      {scenario.id !== "baseline" && <DecisionPanel key={scenario.id} store={decisions} runId={run.id} scenario={scenario.id} />}
      <AttackFindings key={`${run.id}:${scenario.id}`} store={store} runId={run.id} scenario={scenario.id} />
      <RunCheck key={`check-${run.id}`} runId={run.id} />
      {data.scenarios.length > 1 && <Comparison store={store} data={data} statuses={statuses} />}
      <Charts store={store} runId={run.id} />
      <Sensitivity
        store={store}
        runId={run.id}
        scenario={scenario.id}
        scenarioName={scenario.name}
        metrics={scenario.cards}
      />
      <Breakdown scenario={scenario} />
      <Export store={store} />
    </div>
  );
}

/** How a run that stopped on precision ended (nothing for a plain run). */
function PrecisionLine({ store }: { store: ResultsStore }) {
  const precision = useStore(store, (s) => s.precision);
  if (precision.status === "failed")
    return <ErrorBanner title="The precision targets could not be read" error={precision.error} />;
  if (precision.status !== "ready" || precision.data === null) return null;
  const p = precision.data;
  const targets = p.targets
    .map(
      (t) =>
        `${t.label} ±${percentTarget(t.relative)} ${t.met ? "met" : "not met"}` +
        (t.achieved === null ? "" : ` (95 % interval ±${percentTarget(t.achieved)} of the mean)`),
    )
    .join("; ");
  return (
    <p
      className={`precision-line ${p.met ? "precision-met" : "precision-unmet"}`}
      data-testid="precision-status"
      data-iterations={p.iterations}
      data-max={p.max_iterations}
      data-met={p.met}
      data-stopped-early={p.stopped_early}
    >
      <span className={`badge ${p.met ? "badge-ok" : "badge-bad"}`}>{p.met ? "precise enough" : "not precise enough"}</span>{" "}
      {p.stopped_early
        ? `Stopped at ${thousands(p.iterations)} of at most ${thousands(p.max_iterations)} iterations: `
        : `Used all ${thousands(p.max_iterations)} iterations: `}
      {targets}.
    </p>
  );
}

/** A relative half-width in per cent with enough decimals: `2 %`, `0.25 %`, `1.7 %`. */
function percentTarget(fraction: number): string {
  const pct = fraction * 100;
  const decimals = pct >= 10 ? 0 : pct >= 1 ? 1 : 2;
  return `${thousands(pct, decimals).replace(/\.0+$/, "")} %`;
}

function Cards({ scenario, currency }: { scenario: ScenarioView; currency: string }) {
  return (
    <div className="cards" data-testid="cards" data-scenario={scenario.id}>
      {scenario.cards.map((c) => (
        <div key={c.metric} className="card" data-testid={`card-${c.metric}`} data-mean={c.mean} data-se={c.se}>
          <div className="card-label">{c.label}</div>
          <div className="card-value" data-testid="card-mean">
            {formatValue(c.mean, c.unit, currency)}
          </div>
          <div className="card-range meta">
            P5–P95 {formatValue(c.p5, c.unit, currency)} – {formatValue(c.p95, c.unit, currency)}
          </div>
          <div className="card-se meta">SE {formatSe(c.se, c.unit, currency)}</div>
        </div>
      ))}
    </div>
  );
}

function Guardrails({ scenario, currency }: { scenario: ScenarioView; currency: string }) {
  if (scenario.teams.length === 0) return null;
  return (
    <div className="guardrails" data-testid="guardrails">
      <h4 className="subsection-title">Guardrails by owning team</h4>
      <div className="teams">
        {scenario.teams.map((t) => (
          <div key={t.owner} className="team" data-testid={`team-${t.owner}`}>
            <div className="team-name">{t.owner_name}</div>
            <ul>
              {t.guardrails.map((g) => (
                <li key={g.id} data-testid={`guardrail-${g.id}`} data-met={g.met}>
                  {/* Icon and word, not colour alone. */}
                  <span className={`badge ${g.met ? "badge-ok" : "badge-bad"}`}>
                    <span aria-hidden="true">{g.met ? "✓ " : "✗ "}</span>
                    {g.met ? "met" : "not met"}
                  </span>
                  <span className="mono">{g.id}</span>
                  <span className="meta">{guardrailLimits(g.min, g.max, g.metric, currency, g.journey !== null || g.population !== null)}</span>
                  <span className="meta">
                    P(met) {g.probability_met === null ? "n/a" : percent(g.probability_met, 1)} (needs{" "}
                    {percent(g.confidence, 0)})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

function deltaClass(d: DeltaView): string {
  if (!d.clear) return "delta";
  return `delta delta-clear ${d.better ? "delta-better" : "delta-worse"}`;
}

function Comparison({ store, data, statuses }: { store: ResultsStore; data: RunDashboard; statuses: Remote<ScenarioStatus[]> }) {
  const others = data.scenarios.filter((s) => s.id !== "baseline");
  return (
    <div className="comparison" data-testid="comparison">
      <h4 className="subsection-title">Scenarios against the baseline (paired, 90 % intervals)</h4>
      {others.map((s) => (
        <div key={s.id} className="compare-scenario" data-testid={`compare-${s.id}`}>
          <div className="compare-name">
            {s.name} <DecisionBadge status={statusOf(statuses, s.id)} testid={`compare-status-${s.id}`} />
          </div>
          <p className="compare-line" data-testid={`scenario-line-${s.id}`}>
            {s.summary_line}
          </p>
          <table className="table table-compact">
            <thead>
              <tr>
                <th>Metric</th>
                <th>Δ mean</th>
                <th>P5 – P95</th>
              </tr>
            </thead>
            <tbody>
              {s.deltas.map((d) => (
                <tr key={d.metric} className={deltaClass(d)} data-testid={`delta-${s.id}-${d.metric}`} data-clear={d.clear}>
                  <td>{d.label}</td>
                  <td className="num">
                    {formatDelta(d.mean, d.unit, data.currency)}
                    {/* A clear difference says which way, in words as well as colour. */}
                    {d.clear && <span className="delta-word">{d.better ? " ▲ better" : " ▼ worse"}</span>}
                  </td>
                  <td className="num">
                    {formatDelta(d.p5, d.unit, data.currency)} – {formatDelta(d.p95, d.unit, data.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <Chart store={store} runId={data.run.id} kind="compare" />
    </div>
  );
}

const CHART_KINDS: { kind: ChartKind; label: string }[] = [
  { kind: "histogram", label: "Histogram" },
  { kind: "exceedance", label: "Exceedance" },
  { kind: "tradeoff", label: "Tradeoff" },
  { kind: "funnel", label: "Funnel" },
  { kind: "tornado", label: "Tornado" },
];

/** Where each chart's numbers are in words and tables (the charts' text alternative). */
const CHART_TEXT: Record<ChartKind, string> = {
  histogram: "The distribution over the run's iterations; its mean and P5 to P95 are on the cards above, per scenario.",
  exceedance: "How often each value is exceeded over the run's iterations; the mean and P5 to P95 are on the cards above.",
  compare: "Each scenario against the baseline; the same paired differences are in the tables above the chart.",
  tradeoff: "Fraud loss against legitimate friction for each scenario; both are on the cards above, per scenario.",
  funnel: "Where each population ends up; the same numbers are in the breakdown table below.",
  tornado: "How much each input moves the metric; the same swings are in the sensitivity section's table.",
};

/** Metrics the charts tab offers (labels from the catalogue). */
const CHART_METRICS = totalMetrics(["fraud_loss", "legit_abandon_rate", "legit_success_rate", "support_contacts", "net_value"]);

function Charts({ store, runId }: { store: ResultsStore; runId: number }) {
  const [kind, setKind] = useState<ChartKind>("histogram");
  const [metric, setMetric] = useState("fraud_loss");
  const usesMetric = kind !== "funnel";
  return (
    <div className="charts" data-testid="charts">
      <h4 className="subsection-title">Charts</h4>
      <div className="chart-controls">
        <div className="tabs">
          {CHART_KINDS.map((c) => (
            <button
              key={c.kind}
              type="button"
              className={`tab${c.kind === kind ? " tab-on" : ""}`}
              data-testid={`chart-kind-${c.kind}`}
              onClick={() => setKind(c.kind)}
            >
              {c.label}
            </button>
          ))}
        </div>
        {usesMetric && (
          <select aria-label="Chart metric" data-testid="chart-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            {CHART_METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </div>
      <Chart store={store} runId={runId} kind={kind} metric={usesMetric ? metric : undefined} />
    </div>
  );
}

function Chart({
  store,
  runId,
  kind,
  metric,
}: {
  store: ResultsStore;
  runId: number;
  kind: ChartKind;
  metric?: string;
}) {
  const chart = useStore(store, (s) => s.charts[chartKey(runId, kind, metric)]);
  const loadChart = useStore(store, (s) => s.loadChart);
  useEffect(() => {
    void loadChart(runId, kind, metric);
  }, [loadChart, runId, kind, metric]);
  if (!chart || chart.status === "loading" || chart.status === "idle")
    return <div className="chart chart-loading muted">Drawing the chart…</div>;
  if (chart.status === "failed") return <ErrorBanner title="The chart could not be drawn" error={chart.error} />;
  const what = CHART_KINDS.find((c) => c.kind === kind)?.label ?? kind;
  const metricLabel = metric ? CHART_METRICS.find((m) => m.id === metric)?.label : undefined;
  return (
    <div className="chart" data-testid={`chart-${kind}`}>
      {/* The picture's numbers are in the dashboard's tables: the description points there. */}
      <img
        alt={metricLabel ? `${what} chart of ${metricLabel.toLowerCase()}` : `${what} chart`}
        aria-describedby={`chart-text-${runId}-${kind}`}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.data)}`}
      />
      <p id={`chart-text-${runId}-${kind}`} className="sr-only">
        {CHART_TEXT[kind]}
      </p>
    </div>
  );
}

function Breakdown({ scenario }: { scenario: ScenarioView }) {
  return (
    <div className="breakdown" data-testid="breakdown">
      <h4 className="subsection-title">Breakdown: journey × population × outcome (mean per period)</h4>
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th>Journey</th>
              <th>Population</th>
              <th>Outcome</th>
              <th className="num">Mean</th>
              <th className="num">P5 – P95</th>
              <th className="num">Share</th>
            </tr>
          </thead>
          <tbody>
            {scenario.breakdown.map((r) => (
              <tr key={`${r.journey}/${r.population}/${r.outcome}`} data-testid="breakdown-row">
                <td>{r.journey_name}</td>
                <td className="mono">{r.population}</td>
                <td className="mono">{r.outcome}</td>
                <td className="num">{thousands(r.mean, r.mean < 10 ? 1 : 0)}</td>
                <td className="num">
                  {thousands(r.p5)} – {thousands(r.p95)}
                </td>
                <td className="num">{r.share === null ? "" : percent(r.share, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Export({ store }: { store: ResultsStore }) {
  const path = useStore(store, (s) => s.exportPath);
  const format = useStore(store, (s) => s.exportFormat);
  const state = useStore(store, (s) => s.exportState);
  const setPath = useStore(store, (s) => s.setExportPath);
  const setFormat = useStore(store, (s) => s.setExportFormat);
  const exportRun = useStore(store, (s) => s.exportRun);
  const chooseExportPath = useStore(store, (s) => s.chooseExportPath);
  return (
    <div className="export" data-testid="export">
      <h4 className="subsection-title">Export</h4>
      <div className="export-row">
        <select
          aria-label="Export format"
          data-testid="export-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
        >
          <option value="json">JSON (result document)</option>
          <option value="csv">CSV (summaries)</option>
          <option value="png">PNG (comparison chart)</option>
          <option value="svg">SVG (comparison chart)</option>
        </select>
        <button
          type="button"
          className="button button-primary"
          data-testid="export-dialog"
          disabled={state.status === "loading"}
          onClick={() => void chooseExportPath()}
          title="Choose where to save with the system's Save dialog"
        >
          Save as…
        </button>
        <input
          className="mono export-path"
          data-testid="export-path"
          placeholder="or type a path: /path/to/file.json"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid="export-save"
          disabled={state.status === "loading"}
          onClick={() => void exportRun()}
        >
          Export
        </button>
      </div>
      {state.status === "ready" && (
        <p className="meta" data-testid="export-done">
          Saved {state.data}
        </p>
      )}
      {state.status === "failed" && <ErrorBanner title="The export failed" error={state.error} />}
    </div>
  );
}
