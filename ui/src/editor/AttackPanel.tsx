// The "Attack surface" side panel (spec §11): the engine's routes of the edited document
// (saved or not) in expected mode — settings (seed, scenario, population), the selected
// route and what it grants, a scenario's changes, the access table, the findings and the
// population's ranked routes. Recomputed 300 ms after the document or a setting
// changes; a route selected here is drawn on the canvas of its journey.

import "./attack.css";

import { useEffect, useMemo } from "react";
import { useStore } from "zustand";

import { thousands } from "../format/numbers";
import type { RoutesView } from "../ipc";
import { AccessTable, ChangeList, FindingList, RouteList } from "./AttackSections";
import { findRoute, hopsElsewhere, journeyName, populationChoices, rankedRoutes, routeSteps, seedProblem } from "./attackSurface";
import type { AttackStore, SelectedRoute } from "./attackStore";
import type { EditorStore } from "./editorStore";
import type { FlowStore } from "./flowStore";

/** Wait after an edit before asking the engine again (typing a seed is several edits). */
export const RECOMPUTE_DELAY_MS = 300;

export function AttackPanel({ store, attack, flow, onClose }: { store: EditorStore; attack: AttackStore; flow: FlowStore; onClose(): void }) {
  const doc = useStore(store, (s) => s.doc);
  const seed = useStore(attack, (s) => s.seed);
  const seedSource = useStore(attack, (s) => s.seedSource);
  const iterations = useStore(attack, (s) => s.iterations);
  const scenario = useStore(attack, (s) => s.scenario);
  const scenarios = useStore(attack, (s) => s.scenarios);
  const population = useStore(attack, (s) => s.population);
  const view = useStore(attack, (s) => s.view);
  const error = useStore(attack, (s) => s.error);
  const loading = useStore(attack, (s) => s.loading);
  const selected = useStore(attack, (s) => s.selected);
  const run = useStore(flow, (s) => (s.run.status === "ready" ? s.run.run : null));
  const problem = seedProblem(seed);
  const period = typeof doc.period === "string" ? doc.period : "period";

  // The newest finished run's seed, unless one was typed: the routes then use that run's draws.
  useEffect(() => {
    const s = attack.getState();
    if (!run || s.seedSource.from === "typed") return;
    if (s.seedSource.from === "run" && s.seedSource.runId === run.id) return;
    s.setSeed(run.seed, { from: "run", runId: run.id });
  }, [attack, run]);

  useEffect(() => {
    if (problem) return;
    const timer = setTimeout(() => void attack.getState().compute(doc), RECOMPUTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [attack, doc, seed, scenario, problem]);

  // Closing the panel (or opening another) takes the route off the canvas.
  useEffect(() => () => attack.getState().select(null), [attack]);

  const choices = useMemo(() => (view ? populationChoices(view) : []), [view]);
  const chosen = choices.find((p) => p.id === population) ?? null;

  const selectRoute = (journey: string, key: string, from: string | null = null) => {
    const s = attack.getState();
    if (s.selected?.journey === journey && s.selected.key === key) {
      s.select(null);
      return;
    }
    // A finding's route that the chosen population never takes: show the population it concerns.
    if (from && s.view && s.population && !rankedRoutes(s.view, s.population).some((r) => r.journey === journey && r.route.key === key)) {
      s.setPopulation(from);
    }
    s.select({ journey, key });
    if (store.getState().journeyId !== journey) store.getState().setJourney(journey);
  };

  const status = error ? "error" : loading ? "loading" : view ? "ready" : "idle";
  return (
    <aside
      className="inspector attack-panel"
      data-testid="attack-panel"
      data-status={status}
      data-seed={view?.seed}
      data-iterations={view?.iterations}
      data-scenario={view?.scenario}
      aria-labelledby="attack-title"
    >
      <div className="per-pop-head">
        <h3 id="attack-title">Attack surface</h3>
        <button type="button" className="link" data-testid="attack-close" onClick={onClose}>
          close
        </button>
      </div>
      <p className="attack-intro muted">
        Routes are simple paths from a journey's entry to success; P is the chance an entrant takes exactly that route (each step's exits depend only
        on the population: the Markov assumption).
      </p>

      <div className="attack-settings">
        {/* What the numbers shown were computed with (the answer's, once there is one). */}
        <p className="attack-mode" data-testid="attack-mode">
          Expected mode, {thousands(view?.iterations ?? iterations)} iterations, seed {view?.seed ?? (seed.trim() || "—")}
          {loading && <span className="muted"> (updating…)</span>}
        </p>
        <label className="attack-field">
          <span>seed</span>
          <input
            className="mono"
            inputMode="numeric"
            data-testid="attack-seed"
            value={seed}
            aria-invalid={problem !== null}
            aria-describedby="attack-seed-note"
            onChange={(e) => attack.getState().setSeed(e.target.value, { from: "typed" })}
          />
          <span id="attack-seed-note" className={problem ? "bad" : "muted"} data-testid="attack-seed-note">
            {problem ?? (seedSource.from === "run" ? `the seed of run #${seedSource.runId}, the newest finished run of this file` : seedSource.from === "typed" ? "typed" : "no finished run of this file: default seed")}
          </span>
        </label>
        <label className="attack-field">
          <span>scenario</span>
          <select data-testid="attack-scenario" value={scenario} onChange={(e) => attack.getState().setScenario(e.target.value)}>
            {scenarios.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="attack-field">
          <span>population</span>
          <select data-testid="attack-population" value={chosen?.id ?? ""} disabled={choices.length === 0} onChange={(e) => attack.getState().setPopulation(e.target.value)}>
            {choices.length === 0 && <option value="">—</option>}
            {(["attacker", "legitimate"] as const).map((k) => {
              const group = choices.filter((p) => p.kind === k);
              return (
                group.length > 0 && (
                  <optgroup key={k} label={k === "attacker" ? "Attackers" : "Legitimate users"}>
                    {group.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </optgroup>
                )
              );
            })}
          </select>
        </label>
      </div>

      {loading && !view && <p className="muted">Computing the routes…</p>}
      {error && (
        <p className="bad attack-error" data-testid="attack-error" data-code={error.code} role="alert">
          {error.message}
        </p>
      )}

      {view && <SelectedNote store={store} attack={attack} />}
      {view && view.scenario !== "baseline" && <ChangeList key={view.scenario} view={view} />}
      {/* From the summary to the detail: who gets into the account and how weakly, what is wrong, then every route of one population. */}
      {view && <AccessTable view={view} period={period} />}
      {view && <FindingList view={view} selected={selected} onSelect={(j, k, p) => selectRoute(j, k, p)} />}
      {view && chosen && <RouteList view={view} population={chosen} period={period} selected={selected} onSelect={(j, k) => selectRoute(j, k)} />}
    </aside>
  );
}

/** Why a selected route is not in the answer shown: a scenario closed it, or it is no longer listed. */
function goneNote(view: RoutesView, selected: SelectedRoute): string {
  const closed = view.changes.find((c) => c.journey === selected.journey && c.route === selected.key && c.kind === "closed");
  return closed
    ? `“${closed.label}” of ${journeyName(view, selected.journey)} is closed in “${view.scenario_name}”: nothing to draw.`
    : `The selected route of ${journeyName(view, selected.journey)} is not among the routes of “${view.scenario_name}”.`;
}

/** The selected route: what it is, what access it grants, and how to take it off the canvas. */
function SelectedNote({ store, attack }: { store: EditorStore; attack: AttackStore }) {
  const doc = useStore(store, (s) => s.doc);
  const journeyId = useStore(store, (s) => s.journeyId);
  const view = useStore(attack, (s) => s.view);
  const selected = useStore(attack, (s) => s.selected);
  if (!view || !selected) return null;
  const route = findRoute(view, selected.journey, selected.key);
  const journey = view.report.journeys.find((j) => j.journey === selected.journey) ?? null;
  const elsewhere = route ? hopsElsewhere(doc, route) : 0;
  const restores = journey?.restores ?? null;
  return (
    <div className="attack-selected" data-testid="attack-selected" data-route={selected.key} data-journey={selected.journey}>
      <div className="attack-selected-head">
        <span>
          {route ? (
            <>
              Shown on the canvas: <strong>{route.label}</strong> of {journeyName(view, selected.journey)}
            </>
          ) : (
            <>{goneNote(view, selected)}</>
          )}
        </span>
        <button type="button" className="button button-ghost attack-clear" data-testid="attack-clear" onClick={() => attack.getState().select(null)}>
          Clear
        </button>
      </div>
      {route && (
        <ol className="attack-path" data-testid="attack-path" aria-label="Steps of the route">
          {routeSteps(doc, route).map((s) => (
            <li key={s.step}>
              {s.name}
              {s.exit && <span className="attack-path-exit"> ({s.exit})</span>}
            </li>
          ))}
        </ol>
      )}
      {route && journeyId !== selected.journey && (
        <button type="button" className="link attack-go" data-testid="attack-go-route" onClick={() => store.getState().setJourney(selected.journey)}>
          show {journeyName(view, selected.journey)}
        </button>
      )}
      {restores && (
        <p className="attack-restores" data-testid="attack-restores" data-restores={restores}>
          {journeyName(view, selected.journey)} grants the access of <strong>{journeyName(view, restores)}</strong>.{" "}
          <button type="button" className="link attack-go" data-testid="attack-go-restored" onClick={() => store.getState().setJourney(restores)}>
            show {journeyName(view, restores)}
          </button>
        </p>
      )}
      {elsewhere > 0 && (
        <p className="attack-elsewhere" data-testid="attack-elsewhere">
          {elsewhere === 1 ? "One exit" : `${elsewhere} exits`} of this route lead elsewhere on the canvas (drawn dashed): the canvas shows the model, the
          route is the scenario's.
        </p>
      )}
    </div>
  );
}
