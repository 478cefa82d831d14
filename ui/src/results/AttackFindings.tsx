import { useEffect, useState } from "react";
import { useStore } from "zustand";

import { ErrorBanner } from "../components/ErrorBanner";
import { attackerMainRoutes, capitalised, changeLines, findingCount, SEVERITY_WORDS } from "./attackSummary";
import type { ResultsStore } from "./resultsStore";

/** Findings and lines shown before "Show all". */
const FIRST = 6;

/**
 * The attack surface of the shown scenario of a run (spec §11): its findings, each
 * attacker's main route and, for a scenario, what it resolves, introduces, closes and
 * opens against the baseline — on the run's model version and seed.
 */
export function AttackFindings({ store, runId, scenario }: { store: ResultsStore; runId: number; scenario: string }) {
  const view = useStore(store, (s) => s.routes[`${runId}:${scenario}`]);
  const load = useStore(store, (s) => s.loadRoutes);
  const [all, setAll] = useState(false);
  useEffect(() => {
    void load(runId, scenario);
  }, [load, runId, scenario]);
  if (!view || view.status === "idle" || view.status === "loading")
    return (
      <section className="attack-findings" data-testid="run-attack" data-status="loading">
        <h4 className="subsection-title">Attack surface</h4>
        <p className="muted">Reading the routes…</p>
      </section>
    );
  if (view.status === "failed")
    return (
      <section className="attack-findings" data-testid="run-attack" data-status="failed">
        <h4 className="subsection-title">Attack surface</h4>
        {view.error.code === "unsupported" ? (
          <p className="muted">{view.error.message}</p>
        ) : (
          <ErrorBanner title="The attack surface could not be read" error={view.error} />
        )}
      </section>
    );
  const v = view.data;
  const findings = v.report.findings;
  const lines = scenario === "baseline" ? [] : changeLines(v);
  const shownFindings = all ? findings : findings.slice(0, FIRST);
  const shownLines = all ? lines : lines.slice(0, FIRST);
  const hidden = findings.length - shownFindings.length + (lines.length - shownLines.length);
  return (
    <section className="attack-findings" data-testid="run-attack" data-status="ready" data-count={findings.length}>
      <h4 className="subsection-title">Attack surface</h4>
      <p className="meta">
        {findingCount(findings)} · routes of the run's model version, expected mode, {v.iterations} iterations, seed {v.seed}
      </p>
      {shownLines.length > 0 && (
        <ul className="attack-changes" data-testid="run-attack-changes">
          {shownLines.map((l, i) => (
            <li key={i} className={`attack-change attack-change-${l.kind}`} data-kind={l.kind}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
      {shownFindings.length > 0 && (
        <ul className="attack-finding-list">
          {shownFindings.map((f, i) => (
            <li key={i} data-testid={`run-attack-finding-${i}`} data-code={f.code} data-severity={f.severity}>
              <span className={`severity severity-${f.severity}`}>{SEVERITY_WORDS[f.severity]}</span>{" "}
              {capitalised(f.message)}
              <span className="why"> — {f.why}</span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="button" data-testid="run-attack-all" onClick={() => setAll(true)}>
          Show all ({hidden} more)
        </button>
      )}
      <ul className="attack-main-routes">
        {attackerMainRoutes(v).map((m) => (
          <li key={m.population} data-testid={`run-attack-main-${m.population}`}>
            {m.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
