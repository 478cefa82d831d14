// The threshold explorer panel: two sliders on one risk gate of the edited document, the
// headline numbers and gate shares there (with the change against the model's own
// thresholds), the tradeoff chart, every team's guardrails, and "Save as scenario".

import "./explorer.css";

import { memo, useEffect, useState } from "react";
import { useStore } from "zustand";

import type { Backend } from "../ipc";
import type { EditorStore } from "../editor/editorStore";
import { findJourney, stepsOf } from "../editor/model";
import { percent } from "../format/numbers";
import { guardrailLimits } from "../results/format";
import { createExplorerStore, THRESHOLD_STEP, type ExplorerStore } from "./explorerStore";
import { addThresholdScenario, axisLimits, defaultScenarioName, guardrailsByTeam, headlineRows, share, threshold } from "./explorerModel";
import { TradeoffLegend, TradeoffPlot } from "./TradeoffPlot";

export interface ThresholdExplorerProps {
  backend: Backend;
  editor: EditorStore;
  journeyId: string;
  stepId: string;
  onClose(): void;
  /** Seed of the session (tests); random otherwise. */
  seed?: string;
}

const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

export function ThresholdExplorer({ backend, editor, journeyId, stepId, onClose, seed }: ThresholdExplorerProps) {
  const [explorer] = useState<ExplorerStore>(() => {
    const doc = editor.getState().doc;
    const step = stepsOf(findJourney(doc, journeyId)).find((s) => s.id === stepId);
    return createExplorerStore(backend, {
      doc,
      gate: `${journeyId}/${stepId}`,
      allowBelow: num(step?.allow_below) ?? 0,
      blockAtOrAbove: num(step?.block_at_or_above) ?? 1,
      seed,
    });
  });
  const doc = useStore(editor, (s) => s.doc);
  useEffect(() => explorer.getState().setDocument(doc), [doc, explorer]);
  useEffect(() => () => explorer.getState().dispose(), [explorer]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const step = stepsOf(findJourney(doc, journeyId)).find((s) => s.id === stepId);
  const title = typeof step?.name === "string" ? step.name : stepId;

  return (
    <div className="explorer-backdrop" data-testid="threshold-explorer-backdrop">
      <section className="explorer" data-testid="threshold-explorer" role="dialog" aria-label={`Threshold explorer: ${title}`}>
        <header className="explorer-head">
          <div>
            <h3>Threshold explorer</h3>
            <span className="muted">
              {title} <span className="mono">{journeyId}/{stepId}</span>
              {typeof step?.signal === "string" && (
                <>
                  {" "}
                  · signal <span className="mono">{step.signal}</span>
                </>
              )}
            </span>
          </div>
          <button type="button" className="button" data-testid="explorer-close" onClick={onClose}>
            Close
          </button>
        </header>
        <ExplorerBody explorer={explorer} editor={editor} journeyId={journeyId} stepId={stepId} />
      </section>
    </div>
  );
}

// Three parts, each subscribed to what it shows, so a slider move re-renders the sliders
// (and the save bar) only, and the chart and cards re-render once, when the answer is in:
// the page then competes least with the computation for the CPU.
function ExplorerBody({ explorer, editor, journeyId, stepId }: { explorer: ExplorerStore; editor: EditorStore; journeyId: string; stepId: string }) {
  return (
    <div className="explorer-body">
      <Controls explorer={explorer} />
      <Results explorer={explorer} />
      <SaveBar explorer={explorer} editor={editor} journeyId={journeyId} stepId={stepId} />
    </div>
  );
}

function Controls({ explorer }: { explorer: ExplorerStore }) {
  const allow = useStore(explorer, (s) => s.allowBelow);
  const block = useStore(explorer, (s) => s.blockAtOrAbove);
  const result = useStore(explorer, (s) => s.result);
  const running = useStore(explorer, (s) => s.running);
  const latencyMs = useStore(explorer, (s) => s.latencyMs);
  const latencies = useStore(explorer, (s) => s.latencies);
  const seed = useStore(explorer, (s) => s.seed);
  const model = result?.info;
  const atModel = model && model.allow_below === allow && model.block_at_or_above === block;
  return (
    <div className="explorer-controls">
      <Slider
        id="allow"
        label="allow below"
        hint="scores under this pass without a challenge"
        value={allow}
        model={model?.allow_below ?? null}
        onChange={(x) => explorer.getState().setAllow(x)}
      />
      <Slider
        id="block"
        label="block at or above"
        hint="scores at or over this are blocked"
        value={block}
        model={model?.block_at_or_above ?? null}
        onChange={(x) => explorer.getState().setBlock(x)}
      />
      <div className="explorer-row">
        <button
          type="button"
          className="link"
          data-testid="explorer-reset"
          disabled={!model || atModel}
          onClick={() => model && explorer.getState().setThresholds(model.allow_below ?? 0, model.block_at_or_above ?? 1)}
        >
          Back to the model&apos;s thresholds
        </button>
        <span className="muted explorer-latency" data-testid="explorer-status" data-seed={seed}>
          {running ? "updating… " : ""}
          {latencyMs !== null && (
            <span
              data-testid="explorer-latency"
              data-ms={latencyMs.toFixed(1)}
              data-count={latencies.length}
              data-all={latencies.map((x) => x.toFixed(1)).join(",")}
              data-compute-ms={result?.compute_ms.toFixed(1)}
              title="From the slider move to its numbers in the page"
              className={latencyMs > 100 ? "slow" : undefined}
            >
              updated in {Math.round(latencyMs)} ms
            </span>
          )}
          {latencyMs !== null && result && (
            <span className="meta" title="Time the engine took; the rest is the round trip to the app">
              {" "}
              (computed in {Math.round(result.compute_ms)} ms{result.curve_cached ? ", curve reused" : ""})
            </span>
          )}
          {result && (
            <>
              {" "}
              · {result.iterations} iterations, expected values, seed {seed}
            </>
          )}
        </span>
      </div>
      {result && (
        <div className="gate-shares" data-testid="gate-shares">
          At the gate: <strong>{share(result.point.legit_challenge_rate)}</strong> of customers challenged,{" "}
          <strong>{share(result.point.legit_gate_block_rate)}</strong> blocked; <strong>{share(result.point.attack_gate_block_rate)}</strong> of
          attackers blocked.
        </div>
      )}
    </div>
  );
}

const Results = memo(function Results({ explorer }: { explorer: ExplorerStore }) {
  const latest = useStore(explorer, (s) => s.result);
  const error = useStore(explorer, (s) => s.error);
  const answeredFor = useStore(explorer, (s) => s.answeredFor);
  // After an error the last numbers are for other thresholds or another document: only
  // the error is shown until an answer comes.
  const result = error ? null : latest;
  const currency = result?.currency ?? "USD";
  const rows = result ? headlineRows(result.point, result.reference, currency) : [];
  const teams = result ? guardrailsByTeam(result.guardrails, result.reference) : [];
  const block = answeredFor?.blockAtOrAbove ?? 1;
  return (
    <>
      {error && (
        <p className="explorer-error" data-testid="explorer-error" data-code={error.code}>
          {error.message}
        </p>
      )}

      {result && (
        <div
          className="explorer-headlines"
          data-testid="explorer-headlines"
          data-allow={answeredFor?.allowBelow}
          data-block={answeredFor?.blockAtOrAbove}
        >
          {rows.map((h) => (
            <div key={h.key} className="explorer-card" data-testid={`explorer-${h.key}`} data-mean={h.mean}>
              <div className="muted">{h.label}</div>
              <div className="explorer-value">{h.value}</div>
              <div className={`explorer-delta is-${h.direction}`} data-testid={`explorer-${h.key}-delta`}>
                {h.direction === "same" ? "as the model" : `${h.delta} vs model`}
              </div>
            </div>
          ))}
        </div>
      )}

      {result && (
        <div className="explorer-grid">
          <div className="explorer-chart">
            <h4>Tradeoff over allow below (block at {threshold(block)})</h4>
            <TradeoffPlot
              curve={result.curve}
              point={result.point}
              reference={result.reference}
              currency={currency}
              onPick={(a) => explorer.getState().setAllow(a)}
              limits={axisLimits(result.guardrails, currency)}
            />
            <TradeoffLegend />
            <p className="meta">Click a point of the curve to move the allow slider there.</p>
          </div>
          <div className="explorer-guardrails" data-testid="explorer-guardrails">
            <h4>Guardrails at these thresholds</h4>
            {teams.length === 0 && <p className="muted">This model sets no guardrails.</p>}
            {teams.map((t) => (
              <div key={t.owner} className="explorer-team" data-testid={`explorer-team-${t.owner}`}>
                <div className="team-name">
                  {t.ownerName}
                  <span className="meta">
                    {" "}
                    {t.guardrails.filter((g) => g.met).length} of {t.guardrails.length} met
                  </span>
                </div>
                <ul>
                  {t.guardrails.map((g) => (
                    <li key={g.id} data-testid={`explorer-guardrail-${g.id}`} data-met={g.met}>
                      <span className={`badge ${g.met ? "badge-ok" : "badge-bad"}`}>{g.met ? "met" : "not met"}</span>
                      <span className="guardrail-text">
                        <span className="mono">{g.id}</span>{" "}
                        <span className="meta">
                          {guardrailLimits(g.min, g.max, g.metric, currency, g.journey !== null || g.population !== null)}
                          {g.population ? ` (${g.population})` : ""}
                        </span>
                        <br />
                        <span className="meta">
                          P(met) {g.probability_met === null ? "n/a" : percent(g.probability_met, 1)}
                          {g.wasProbability !== null && g.wasProbability !== g.probability_met && ` (model ${percent(g.wasProbability, 1)})`} · needs{" "}
                          {percent(g.confidence, 0)}
                          {g.wasMet !== null && g.wasMet !== g.met && (
                            <strong className={g.met ? "now-met" : "now-failing"}>
                              {" "}
                              · {g.met ? "newly met" : "met at the model's thresholds"}
                            </strong>
                          )}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
      )}
    </>
  );
});

function SaveBar({ explorer, editor, journeyId, stepId }: { explorer: ExplorerStore; editor: EditorStore; journeyId: string; stepId: string }) {
  const allow = useStore(explorer, (s) => s.allowBelow);
  const block = useStore(explorer, (s) => s.blockAtOrAbove);
  const result = useStore(explorer, (s) => s.result);
  const model = result?.info;
  return (
    <>
      {result && (
        <SaveScenario
          editor={editor}
          journeyId={journeyId}
          stepId={stepId}
          allow={allow}
          block={block}
          proposedBy={result.deciding_team}
          was={{ allowBelow: model?.allow_below ?? null, blockAtOrAbove: model?.block_at_or_above ?? null }}
        />
      )}
    </>
  );
}

function Slider({
  id,
  label,
  hint,
  value,
  model,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: number;
  model: number | null;
  onChange(x: number): void;
}) {
  return (
    <label className="explorer-slider" title={hint}>
      <span className="slider-label">{label}</span>
      <input
        type="range"
        min={0}
        max={1}
        step={THRESHOLD_STEP}
        value={value}
        data-testid={`slider-${id}`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output className="slider-value" data-testid={`slider-${id}-value`}>
        {threshold(value)}
      </output>
      <span className="meta slider-model">{model === null ? "" : `model ${threshold(model)}`}</span>
    </label>
  );
}

function SaveScenario({
  editor,
  journeyId,
  stepId,
  allow,
  block,
  proposedBy,
  was,
}: {
  editor: EditorStore;
  journeyId: string;
  stepId: string;
  allow: number;
  block: number;
  proposedBy: string | null;
  was: { allowBelow: number | null; blockAtOrAbove: number | null };
}) {
  const [naming, setNaming] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const start = () => {
    setSaved(null);
    setNaming(defaultScenarioName(`${journeyId}/${stepId}`, allow, block));
  };
  const save = () => {
    if (naming === null || naming.trim() === "") return;
    let added: { id: string; name: string } | null = null;
    editor.getState().apply((doc) => {
      const out = addThresholdScenario(doc, {
        journey: journeyId,
        step: stepId,
        allowBelow: allow,
        blockAtOrAbove: block,
        name: naming.trim(),
        proposedBy,
        was,
      });
      added = { id: out.id, name: naming.trim() };
      return out.doc;
    });
    setSaved(added);
    setNaming(null);
  };
  return (
    <footer className="explorer-save">
      {naming === null ? (
        <button type="button" className="button button-primary" data-testid="explorer-save-scenario" onClick={start}>
          Save as scenario…
        </button>
      ) : (
        <form
          className="explorer-save-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label>
            Scenario name{" "}
            <input
              autoFocus
              value={naming}
              size={40}
              data-testid="explorer-scenario-name"
              onChange={(e) => setNaming(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-primary" data-testid="explorer-scenario-add" disabled={naming.trim() === ""}>
            Add scenario
          </button>
          <button type="button" className="button" onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      )}
      <span className="meta">
        {saved ? (
          <span data-testid="explorer-saved-note" data-id={saved.id}>
            Added scenario “{saved.name}” (<span className="mono">{saved.id}</span>) to the model — save the model to keep it; Ctrl+Z undoes.
          </span>
        ) : (
          <>
            Keeps allow below {threshold(allow)} and block at or above {threshold(block)} as a new scenario of the model
            {proposedBy ? `, proposed by ${proposedBy}` : ""}.
          </>
        )}
      </span>
    </footer>
  );
}
