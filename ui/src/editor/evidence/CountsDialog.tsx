// "From observed counts…": periods of n trials with k events, fitted by the engine
// (Jeffreys, pooled, or beta-binomial when the periods drift), drawn with the periods'
// raw rates, and applied to the quantity at `path` citing a source that keeps the counts.
import { useState } from "react";

import { useBackend } from "../../backendContext";
import { compact, thousands } from "../../format/numbers";
import { toErrorPayload, type ObservedFitView, type Period } from "../../ipc";
import { applyEvidenceTo } from "./applyEvidence";
import { Dialog } from "./Dialog";
import { useEvidenceTarget } from "./evidenceContext";
import { EvidencePlot } from "./EvidencePlot";
import { betaText, defaultSourceId, defaultTitle, EMPTY_ROW, existingEvidence, homogeneityWords, sourceExists, METHOD_WORDS, parsePeriodsCsv, periodsOf, type PeriodRow } from "./evidenceModel";
import { SourceFields } from "./SourceFields";

export function CountsDialog({ path, value, onClose }: { path: string; value: unknown; onClose(): void }) {
  const backend = useBackend();
  const target = useEvidenceTarget();
  const [start] = useState(() => existingEvidence(target?.document(), value));
  const [rows, setRows] = useState<PeriodRow[]>(() =>
    start?.observed?.length ? start.observed.map((p) => ({ label: p.label ?? "", n: String(p.n), k: String(p.k) })) : [EMPTY_ROW],
  );
  const [paste, setPaste] = useState("");
  const [sourceId, setSourceId] = useState(start?.observed ? start.id : defaultSourceId(path, "counts"));
  const [title, setTitle] = useState(start?.observed ? start.title : defaultTitle(path, "counts"));
  const [fit, setFit] = useState<{ view: ObservedFitView; periods: Period[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (next: PeriodRow[]) => {
    setRows(next);
    setFit(null);
    setError(null);
  };
  const setCell = (i: number, key: keyof PeriodRow, text: string) => edit(rows.map((r, j) => (j === i ? { ...r, [key]: text } : r)));

  const runFit = async () => {
    const read = periodsOf(rows);
    if ("problem" in read) {
      setError(read.problem);
      return;
    }
    if (!backend) return;
    setBusy(true);
    try {
      setFit({ view: await backend.fitObserved(read.periods), periods: read.periods });
      setError(null);
    } catch (e) {
      setFit(null);
      setError(toErrorPayload(e).message);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!fit || !backend || !target) return;
    setBusy(true);
    const problem = await applyEvidenceTo(backend, target, path, sourceId, title, { kind: "observed", periods: fit.periods });
    if (problem === null) {
      onClose();
    } else {
      setError(problem);
      setBusy(false);
    }
  };

  const usePaste = () => {
    const { rows: pasted, problems } = parsePeriodsCsv(paste);
    if (pasted.length) edit(pasted);
    setError(problems.length ? problems.join("; ") : pasted.length ? null : "nothing to read: paste lines of label, n, k");
  };

  const f = fit?.view.fit;
  const v = fit?.view.view;
  return (
    <Dialog title="From observed counts" testid="evidence-counts" onClose={onClose} wide>
      <p className="muted evidence-for">
        For <code>{path}</code>: in each period, <b>k</b> of <b>n</b> users took this exit.
      </p>
      <table className="evidence-table">
        <thead>
          <tr>
            <th scope="col">period</th>
            <th scope="col">n (trials)</th>
            <th scope="col">k (events)</th>
            <th scope="col">
              <span className="sr-only">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`period ${i + 1} label`} value={r.label} placeholder={`period ${i + 1}`} data-testid={`evidence-period-${i}-label`} onChange={(e) => setCell(i, "label", e.target.value)} />
              </td>
              <td>
                <input aria-label={`period ${i + 1} n, trials`} inputMode="numeric" value={r.n} data-testid={`evidence-period-${i}-n`} onChange={(e) => setCell(i, "n", e.target.value)} />
              </td>
              <td>
                <input aria-label={`period ${i + 1} k, events`} inputMode="numeric" value={r.k} data-testid={`evidence-period-${i}-k`} onChange={(e) => setCell(i, "k", e.target.value)} />
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`remove period ${i + 1}`}
                  data-testid={`evidence-period-${i}-remove`}
                  disabled={rows.length === 1}
                  onClick={() => edit(rows.filter((_, j) => j !== i))}
                >
                  remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="evidence-row">
        <button type="button" className="button button-ghost" data-testid="evidence-period-add" onClick={() => edit([...rows, EMPTY_ROW])}>
          Add period
        </button>
      </div>
      <details className="evidence-paste">
        <summary>Paste CSV (label, n, k)</summary>
        <label className="field">
          one period per line, e.g. <code>2026-07,1200,96</code>
          <textarea rows={4} value={paste} data-testid="evidence-paste" onChange={(e) => setPaste(e.target.value)} />
        </label>
        <button type="button" className="button button-ghost" data-testid="evidence-paste-use" onClick={usePaste}>
          Use these rows
        </button>
      </details>
      <div className="evidence-row">
        <button type="button" className="button" data-testid="evidence-fit" disabled={busy || !backend} onClick={() => void runFit()}>
          Fit
        </button>
      </div>
      {error && (
        <p className="field-note bad evidence-error" role="alert" data-testid="evidence-error">
          {error}
        </p>
      )}
      {f && v && fit && (
        <div className="evidence-result" data-testid="evidence-fit-result" data-a={f.a} data-b={f.b} data-method={f.method}>
          <p className="evidence-headline">
            <b>{betaText(f.a, f.b)}</b> · mean {compact(v.mean ?? f.pooled_rate, "rate", "")} · P5–P95 {compact(v.p5 ?? 0, "rate", "")} – {compact(v.p95 ?? 0, "rate", "")}
          </p>
          <p>
            {homogeneityWords(f)} Fitted as a {METHOD_WORDS[f.method]}.
          </p>
          <p className="muted evidence-verdict">
            {thousands(fit.periods.reduce((s, p) => s + p.k, 0))} events in {thousands(fit.periods.reduce((s, p) => s + p.n, 0))} trials. Engine: {f.verdict}
          </p>
          <EvidencePlot
            testid="evidence-counts-plot"
            title={`Density of ${betaText(f.a, f.b)} with each period's rate marked`}
            probability
            curves={[{ view: v, label: betaText(f.a, f.b), emphasis: true }]}
            marks={f.rates.map((r, i) => ({ x: r, label: `${fit.periods[i]?.label ?? `period ${i + 1}`} ${compact(r, "rate", "")}` }))}
          />
          <p className="muted evidence-caption">Curve: the fitted Beta. ▲ each period's observed rate k / n.</p>
        </div>
      )}
      <SourceFields
        sourceId={sourceId}
        title={title}
        onSourceId={setSourceId}
        onTitle={setTitle}
        exists={sourceExists(target?.document(), sourceId)}
        what="counts"
        testid="evidence"
      />
      <div className="modal-actions">
        <button type="button" className="button button-ghost" data-testid="evidence-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" data-testid="evidence-apply" disabled={!fit || busy || !target} onClick={() => void apply()}>
          Apply
        </button>
      </div>
    </Dialog>
  );
}
