// Observed vs simulated (spec §12) on a run's dashboard: observed counts of steps' exits
// (CSV journey,step,exit,population,n,k, pasted or loaded from a file) checked by the
// engine against the run's model version and seed. Each observation shows its observed
// rate, the model's P5–P95 for it and the posterior predictive p-value; below 0.05 it is
// flagged in words and with an icon, not by colour alone.
import { useEffect, useState } from "react";

import { useBackend } from "../backendContext";
import { compact, thousands } from "../format/numbers";
import { toErrorPayload, type CheckResult } from "../ipc";
import { pValue } from "../format/text";
import { checkWhy, observationName, sourcedRows, CHECK_HEADER } from "./runCheck";

export function RunCheck({ runId }: { runId: number }) {
  const backend = useBackend();
  const [csv, setCsv] = useState("");
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Observations the run's model keeps in its sources (spec §12), checked on arrival.
  const [sourced, setSourced] = useState(0);

  const go = async (text: string) => {
    if (!backend) return;
    setBusy(true);
    try {
      setResults(await backend.checkRun(runId, text));
      setError(null);
    } catch (e) {
      setResults(null);
      setError(toErrorPayload(e).message);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    let live = true;
    backend?.runObservations(runId).then(
      (text) => {
        const rows = sourcedRows(text);
        if (!live || rows === 0) return;
        setCsv(text.trim());
        setSourced(rows);
        void go(text);
      },
      // No counts to offer (the browser preview): the CSV field stays as it is.
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Once per run: `go` is recreated every render but only reads `runId`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, runId]);
  if (!backend) return null;

  const flagged = results?.filter((r) => r.flagged).length ?? 0;
  return (
    <section className="run-check" data-testid="run-check" data-status={results ? "ready" : error ? "failed" : "idle"}>
      <h4 className="subsection-title">Observed vs simulated</h4>
      <p className="meta">
        Counts seen in production, checked against this run's model version and seed (the run's draws, expected mode, up to 1,000 iterations). One
        line per observation: <code>{CHECK_HEADER}</code>.
      </p>
      {sourced > 0 && (
        <p className="meta" data-testid="run-check-sourced" data-count={sourced}>
          {sourced === 1 ? "One observation" : `${thousands(sourced)} observations`} from the counts the model's sources keep, checked below; edit or add
          lines and check again.
        </p>
      )}
      <label className="field">
        observations (CSV)
        <textarea
          className="mono"
          rows={4}
          value={csv}
          placeholder={`${CHECK_HEADER}\nlogin,otp,pass,customers,5000,2810`}
          data-testid="run-check-csv"
          onChange={(e) => setCsv(e.target.value)}
        />
      </label>
      <div className="run-check-actions">
        <label className="field-inline">
          or load a file
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="run-check-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setCsv, (err: unknown) => setError(String(err)));
            }}
          />
        </label>
        <button type="button" className="button" data-testid="run-check-go" disabled={busy || csv.trim() === ""} onClick={() => void go(csv)}>
          Check
        </button>
      </div>
      {error && (
        <p className="field-note bad" role="alert" data-testid="run-check-error">
          {error}
        </p>
      )}
      {results && (
        <>
          <p className="run-check-summary" data-testid="run-check-summary">
            {results.length === 0
              ? "No observations in the CSV."
              : flagged === 0
                ? `All ${thousands(results.length)} observations are consistent with the model (p ≥ 0.05).`
                : `${thousands(flagged)} of ${thousands(results.length)} observations disagree with the model (p < 0.05).`}
          </p>
          <table className="run-check-table">
            <thead>
              <tr>
                <th scope="col">observation</th>
                <th scope="col">k / n</th>
                <th scope="col">observed</th>
                <th scope="col">simulated P5–P95</th>
                <th scope="col">p-value</th>
                <th scope="col">verdict</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                <tr key={i} data-testid={`run-check-row-${i}`} data-flagged={r.flagged} data-p={r.p_value} className={r.flagged ? "run-check-flagged" : undefined}>
                  <td>{observationName(r.observation)}</td>
                  <td className="num">
                    {thousands(r.observation.k)} / {thousands(r.observation.n)}
                  </td>
                  <td className="num">{compact(r.observed_rate, "rate", "")}</td>
                  <td className="num">
                    {compact(r.simulated.p5, "rate", "")} – {compact(r.simulated.p95, "rate", "")}
                  </td>
                  <td className="num">{pValue(r.p_value)}</td>
                  <td>
                    {r.flagged ? (
                      <span className="run-check-verdict run-check-bad">
                        <span aria-hidden="true">⚠ </span>Disagrees
                      </span>
                    ) : (
                      <span className="run-check-verdict run-check-ok">
                        <span aria-hidden="true">✓ </span>Consistent
                      </span>
                    )}
                    {r.flagged && <div className="run-check-why">{checkWhy(r)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
