import { useEffect, useState } from "react";
import { useStore } from "zustand";

import { BackendContext } from "../backendContext";
import { ErrorBanner } from "../components/ErrorBanner";
import type { Mode, ModelView, RunListItem, RunPairView, Sampling } from "../ipc";
import { SAMPLING_DEFS } from "../vocab";
import { useAppState } from "../storeContext";
import { Dashboard } from "./Dashboard";
import { formatDelta, formatValue, money, percent, thousands } from "../format/numbers";
import { duration, timestamp } from "./format";
import { DecisionBadge } from "./DecisionBadge";
import { createDecisionStore, statusOf, type DecisionStore } from "./decisionStore";
import {
  createResultsStore,
  PRECISION_METRICS,
  scenariosOf,
  type ResultsState,
  type ResultsStore,
} from "./resultsStore";
import "./results.css";

/** Runs of the open model: the run panel, the run history and the shown run's dashboard. */
export function ResultsPanel({ model }: { model: ModelView }) {
  const key = `${model.path}|${scenariosOf(model.document)
    .map((s) => s.id)
    .join(",")}`;
  return <ResultsPanelFor key={key} model={model} />;
}

function ResultsPanelFor({ model }: { model: ModelView }) {
  const backend = useAppState((s) => s.backend);
  const [store] = useState(() => createResultsStore(backend, model.path, scenariosOf(model.document)));
  const [decisions] = useState(() => createDecisionStore(backend, model.path));
  useEffect(() => {
    void store.getState().loadHistory();
  }, [store]);
  // Statuses follow the history: a finished run or a newer model version can change them.
  const history = useStore(store, (s) => s.history);
  useEffect(() => {
    if (history.status === "ready") void decisions.getState().loadStatuses();
  }, [history, decisions]);
  const blocked = model.issues.some((i) => i.severity === "error");
  return (
    <BackendContext.Provider value={backend}>
      <section className="results" data-testid="results">
        <h2 className="section-title">Simulate</h2>
        <RunPanel store={store} blocked={blocked} decisions={decisions} />
        <Dashboard store={store} decisions={decisions} />
        <History store={store} decisions={decisions} />
      </section>
    </BackendContext.Provider>
  );
}

function useResults<T>(store: ResultsStore, selector: (s: ResultsState) => T): T {
  return useStore(store, selector);
}

function RunPanel({ store, blocked, decisions }: { store: ResultsStore; blocked: boolean; decisions: DecisionStore }) {
  const s = useResults(store, (x) => x);
  const statuses = useStore(decisions, (d) => d.statuses);
  const running = s.run.status === "running";
  const problem = s.problem();
  return (
    <div className="run-panel" data-testid="run-panel">
      <div className="run-fields">
        <label className="field">
          <span>{s.precisionOn ? "Maximum iterations" : "Iterations"}</span>
          <input
            data-testid="run-iterations"
            inputMode="numeric"
            value={s.iterations}
            disabled={running}
            onChange={(e) => s.setIterations(e.target.value)}
          />
        </label>
        <label className="field field-seed">
          <span>Seed</span>
          <span className="seed-row">
            <input
              data-testid="run-seed"
              className="mono"
              inputMode="numeric"
              value={s.seed}
              disabled={running}
              onChange={(e) => s.setSeed(e.target.value)}
            />
            <button
              type="button"
              className="button button-ghost"
              data-testid="run-new-seed"
              disabled={running}
              onClick={s.newSeed}
              title="Pick a new random seed"
            >
              New seed
            </button>
          </span>
        </label>
        <RadioGroup legend="Mode" name="run-mode" options={MODES} value={s.mode} disabled={running} onChange={s.setMode} />
        <RadioGroup
          legend="Sampling"
          name="run-sampling"
          options={SAMPLINGS}
          value={s.sampling}
          disabled={running}
          onChange={s.setSampling}
        />
        <fieldset className="field field-precision" data-testid="run-precision-panel">
          <legend>
            <label>
              <input
                type="checkbox"
                data-testid="run-precision"
                checked={s.precisionOn}
                disabled={running}
                onChange={(e) => s.setPrecisionOn(e.target.checked)}
              />
              Stop when precise enough
            </label>
          </legend>
          <span className="precision-row">
            <select
              data-testid="run-precision-metric"
              aria-label="Metric that must be precise"
              value={s.precisionMetric}
              disabled={running || !s.precisionOn}
              onChange={(e) => s.setPrecisionMetric(e.target.value)}
            >
              {PRECISION_METRICS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
            <span>within ±</span>
            <input
              data-testid="run-precision-tolerance"
              aria-label="Relative tolerance in per cent"
              className="precision-tolerance"
              inputMode="decimal"
              value={s.precisionTolerance}
              disabled={running || !s.precisionOn}
              onChange={(e) => s.setPrecisionTolerance(e.target.value)}
            />
            <span title="Half-width of the 95 % interval of the mean, relative to the mean, in every scenario">
              % of the mean
            </span>
          </span>
        </fieldset>
        {s.scenarioChoices.length > 0 && (
          <fieldset className="field">
            <legend>Scenarios (the baseline always runs)</legend>
            <span className="checks">
              {s.scenarioChoices.map((sc) => (
                <label key={sc.id}>
                  <input
                    type="checkbox"
                    data-testid={`run-scenario-${sc.id}`}
                    checked={s.chosen.includes(sc.id)}
                    disabled={running}
                    onChange={() => s.toggleScenario(sc.id)}
                  />
                  {sc.name}{" "}
                  {statusOf(statuses, sc.id) !== "draft" && <DecisionBadge status={statusOf(statuses, sc.id)} testid={`run-scenario-status-${sc.id}`} />}
                </label>
              ))}
            </span>
          </fieldset>
        )}
      </div>
      <div className="run-actions">
        {running ? (
          <button
            type="button"
            className="button"
            data-testid="run-cancel"
            disabled={s.run.status === "running" && s.run.cancelling}
            onClick={() => void s.cancelRun()}
          >
            {s.run.status === "running" && s.run.cancelling ? "Cancelling…" : "Cancel"}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            data-testid="run-start"
            disabled={blocked || problem !== null}
            onClick={() => void s.startRun()}
          >
            Run simulation
          </button>
        )}
        {blocked && <span className="muted">Fix the blocking problems to run this model.</span>}
        {!blocked && problem && (
          <span className="field-problem" data-testid="run-problem">
            {problem}
          </span>
        )}
      </div>
      <RunStatusLine store={store} />
    </div>
  );
}

/** `8,000 of 8,000 iterations (4 scenarios × 2,000)`. */
const MODES: RadioOption<Mode>[] = [
  { id: "sampled", label: "sampled" },
  { id: "expected", label: "expected" },
];

/** The samplings the engine offers, with when each is the better one as a tooltip. */
const SAMPLINGS: RadioOption<Sampling>[] = SAMPLING_DEFS.map((d) => ({ id: d.id, label: d.label, title: d.description }));

interface RadioOption<T extends string> {
  id: T;
  label: string;
  title?: string;
}

/** One choice of the run panel as a row of radio buttons (test ids `<name>-<id>`). */
function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  options: RadioOption<T>[];
  value: T;
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  const { legend, name, options, value, disabled, onChange } = props;
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <span className="radios">
        {options.map(({ id, label, title }) => (
          <label key={id} title={title}>
            <input
              type="radio"
              name={name}
              data-testid={`${name}-${id}`}
              checked={value === id}
              disabled={disabled}
              onChange={() => onChange(id)}
            />
            {label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}

function iterationsText(done: number, total: number, scenarios: number): string {
  const each = scenarios > 1 && total % scenarios === 0 ? ` (${scenarios} scenarios × ${thousands(total / scenarios)})` : "";
  return `${thousands(done)} of ${thousands(total)} iterations${each}`;
}

function RunStatusLine({ store }: { store: ResultsStore }) {
  const run = useResults(store, (x) => x.run);
  switch (run.status) {
    case "idle":
      return null;
    case "running": {
      const p = run.progress;
      const fraction = p && p.total > 0 ? p.done / p.total : 0;
      return (
        <div className="run-status" data-testid="run-status" data-status="running">
          <div
            className="progress"
            data-testid="run-progress"
            data-done={p?.done ?? 0}
            data-total={p?.total ?? 0}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(fraction * 100)}
          >
            <div className="progress-bar" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
          </div>
          <span className="meta" data-testid="run-progress-text">
            {p
              ? `${iterationsText(p.done, p.total, run.scenarios)}${run.stopsEarly ? " at most" : ""} · ${duration(p.elapsed_ms)} elapsed` +
                (run.stopsEarly
                  ? " · stops early when precise"
                  : p.eta_ms !== null && p.done < p.total
                    ? ` · about ${duration(p.eta_ms)} left`
                    : "")
              : run.stopsEarly
                ? "Starting… (stops early when precise)"
                : "Starting…"}
          </span>
        </div>
      );
    }
    case "finished":
      if (run.stopsEarly) return <PreciseRunLine store={store} runId={run.runId} />;
      return (
        <p
          className="run-status meta"
          data-testid="run-status"
          data-status="finished"
          data-done={run.progress?.done ?? ""}
          data-total={run.progress?.total ?? ""}
        >
          Run {run.runId} finished and stored
          {run.progress &&
            `: ${iterationsText(run.progress.done, run.progress.total, run.scenarios)} in ${duration(run.progress.elapsed_ms)}`}
          .
        </p>
      );
    case "cancelled":
      return (
        <p className="run-status meta" data-testid="run-status" data-status="cancelled">
          The run was cancelled; it is kept in the history as cancelled.
        </p>
      );
    case "failed":
      return (
        <div data-testid="run-status" data-status="failed">
          <ErrorBanner title="The run failed" error={run.error} />
        </div>
      );
  }
}

/** The end of a run that stopped on precision: iterations used of the maximum. */
function PreciseRunLine({ store, runId }: { store: ResultsStore; runId: number }) {
  const precision = useResults(store, (x) => x.precision);
  const p = precision.status === "ready" ? precision.data : null;
  return (
    <p
      className="run-status meta"
      data-testid="run-status"
      data-status="finished"
      data-iterations={p?.iterations ?? ""}
      data-max={p?.max_iterations ?? ""}
    >
      Run {runId} finished and stored
      {p &&
        (p.stopped_early
          ? `: precise enough after ${thousands(p.iterations)} of at most ${thousands(p.max_iterations)} iterations per scenario`
          : `: used all ${thousands(p.max_iterations)} iterations per scenario${p.met ? "" : " and is still not precise enough"}`)}
      .
    </p>
  );
}

function headline(item: RunListItem): string {
  if (item.status !== "finished") return item.error ?? "";
  const cur = item.currency ?? "USD";
  const parts: string[] = [];
  if (item.legit_success_rate !== null) parts.push(`success ${percent(item.legit_success_rate)}`);
  if (item.fraud_loss !== null) parts.push(`fraud loss ${money(item.fraud_loss, cur)}`);
  if (item.net_value !== null) parts.push(`net ${money(item.net_value, cur)}`);
  return parts.join(" · ");
}

function History({ store, decisions }: { store: ResultsStore; decisions: DecisionStore }) {
  const history = useResults(store, (x) => x.history);
  const statuses = useStore(decisions, (d) => d.statuses);
  const decidedOn = (runId: number) => (statuses.status === "ready" ? statuses.data.filter((d) => d.run_id === runId) : []);
  const shown = useResults(store, (x) => x.shownRunId);
  const showRun = useResults(store, (x) => x.showRun);
  const deleteRun = useResults(store, (x) => x.deleteRun);
  const compareIds = useResults(store, (x) => x.compareIds);
  const toggleCompare = useResults(store, (x) => x.toggleCompare);
  const compareRuns = useResults(store, (x) => x.compareRuns);
  const pair = useResults(store, (x) => x.pair);
  return (
    <div className="history" data-testid="history">
      <h3 className="subsection-title">
        Run history {history.status === "ready" && <span className="count">{history.data.length}</span>}
      </h3>
      {history.status === "failed" ? (
        <ErrorBanner title="The run history could not be read" error={history.error} />
      ) : history.status !== "ready" ? (
        <p className="muted">Reading stored runs…</p>
      ) : history.data.length === 0 ? (
        <p className="empty" data-testid="history-empty">
          No runs of this model yet.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="history-table">
            <thead>
              <tr>
                <th title="Tick two finished runs to compare them">Compare</th>
                <th>Run</th>
                <th>Started (UTC)</th>
                <th>Version</th>
                <th>Settings</th>
                <th>Status</th>
                <th>Baseline</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((r) => (
                <tr
                  key={r.id}
                  data-testid="history-row"
                  data-run-id={r.id}
                  data-status={r.status}
                  className={r.id === shown ? "row-shown" : undefined}
                >
                  <td>
                    {r.status === "finished" && (
                      <input
                        type="checkbox"
                        aria-label={`Compare run ${r.id}`}
                        data-testid={`history-compare-${r.id}`}
                        checked={compareIds.includes(r.id)}
                        onChange={() => toggleCompare(r.id)}
                      />
                    )}
                  </td>
                  <td className="mono">#{r.id}</td>
                  <td className="mono">{timestamp(r.started_at)}</td>
                  <td>v{r.model_version}</td>
                  <td>
                    {thousands(r.iterations)}
                    {r.max_iterations !== null && (
                      <span className="muted" data-testid="history-precision" title="Stopped on precision">
                        {" "}
                        of ≤{thousands(r.max_iterations)} (precise)
                      </span>
                    )}{" "}
                    × {r.mode}, seed <span className="mono">{r.seed}</span>
                    {r.scenarios.length > 1 && `, ${r.scenarios.length - 1} scenario${r.scenarios.length > 2 ? "s" : ""}`}
                  </td>
                  <td>
                    <span className={`badge status-${r.status}`} data-testid="history-status">
                      {r.status}
                    </span>
                  </td>
                  <td className="meta">
                    {headline(r)}
                    {decidedOn(r.id).map((d) => (
                      <span key={d.scenario} className="history-decision" data-testid={`history-decision-${r.id}-${d.scenario}`}>
                        {" "}
                        · {d.scenario} <DecisionBadge status={d.status} />
                      </span>
                    ))}
                  </td>
                  <td className="actions">
                    {r.status === "finished" && (
                      <button
                        type="button"
                        className="button button-small"
                        data-testid={`history-open-${r.id}`}
                        aria-label={`Open run #${r.id}`}
                        onClick={() => void showRun(r.id)}
                      >
                        Open
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      data-testid={`history-delete-${r.id}`}
                      aria-label={`Delete run #${r.id}`}
                      disabled={r.status === "running"}
                      onClick={() => void deleteRun(r.id)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="run-actions">
            <button
              type="button"
              className="button"
              data-testid="history-compare-go"
              disabled={compareIds.length !== 2 || pair.status === "loading"}
              onClick={() => void compareRuns()}
            >
              Compare the two ticked runs
            </button>
          </div>
        </div>
      )}
      {pair.status === "failed" && <ErrorBanner title="The runs could not be compared" error={pair.error} />}
      {pair.status === "ready" && <RunPair pair={pair.data} currency={currencyOf(history)} />}
    </div>
  );
}

function currencyOf(history: ResultsState["history"]): string {
  return (history.status === "ready" && history.data.find((r) => r.currency)?.currency) || "USD";
}

function RunPair({ pair, currency }: { pair: RunPairView; currency: string }) {
  const value = (x: number | null, unit: RunPairView["rows"][number]["unit"]) =>
    x === null ? "n/a" : formatValue(x, unit, currency);
  const delta = (x: number | null, unit: RunPairView["rows"][number]["unit"]) =>
    x === null ? "n/a" : formatDelta(x, unit, currency);
  return (
    <div className="run-pair" data-testid="run-pair" data-paired={pair.paired}>
      <h4 className="subsection-title">
        Run #{pair.b.id} against run #{pair.a.id} ({pair.scenario})
        <span className="meta">
          {" "}
          ·{" "}
          {pair.paired
            ? `paired per iteration over ${thousands(pair.iterations)} iterations (same model, seed and mode)`
            : "not paired (different seed or mode): intervals from the standard errors"}
        </span>
      </h4>
      <table className="table table-compact">
        <thead>
          <tr>
            <th>Metric</th>
            <th className="num">Run #{pair.a.id}</th>
            <th className="num">Run #{pair.b.id}</th>
            <th className="num">Δ mean</th>
            <th className="num">90 % interval</th>
          </tr>
        </thead>
        <tbody>
          {pair.rows.map((r) => (
            <tr key={r.metric} className={r.clear ? "delta delta-clear" : "delta"} data-testid={`pair-${r.metric}`} data-delta={r.delta_mean ?? ""}>
              <td>{r.label}</td>
              <td className="num">{value(r.a_mean, r.unit)}</td>
              <td className="num">{value(r.b_mean, r.unit)}</td>
              <td className="num">{delta(r.delta_mean, r.unit)}</td>
              <td className="num">
                {r.delta_p5 === null || r.delta_p95 === null
                  ? ""
                  : `${delta(r.delta_p5, r.unit)} – ${delta(r.delta_p95, r.unit)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
