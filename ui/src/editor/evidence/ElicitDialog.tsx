// "Elicit…": a workshop round. Each expert gives quantiles (5 %, 50 %, 95 % by default;
// more can be added) and a rationale; answers can stay hidden until the facilitator
// reveals them. The engine fits each expert in the quantity's family, pools them with
// equal weights and fits the pool; Apply writes the pool and keeps every judgement.
import { useState } from "react";

import { useBackend } from "../../backendContext";
import { compact } from "../../format/numbers";
import { toErrorPayload, type ElicitationView, type Family, type Judgement } from "../../ipc";
import { parseQuantity } from "../quantity";
import { applyEvidenceTo } from "./applyEvidence";
import { Dialog } from "./Dialog";
import { useEvidenceTarget } from "./evidenceContext";
import { EvidencePlot } from "./EvidencePlot";
import {
  DEFAULT_QUANTILES,
  defaultSourceId,
  defaultTitle,
  emptyExpert,
  existingEvidence,
  expertName,
  familiesFor,
  FAMILY_WORDS,
  fitErrorText,
  isMasked,
  judgementsOf,
  quantileHeading,
  quantileKey,
  sourceExists,
  type ExpertRow,
} from "./evidenceModel";
import { SourceFields } from "./SourceFields";

/** A fitted quantity in words: `beta(2.39, 28.6)`. */
function quantityText(q: unknown): string {
  const parsed = parseQuantity(q);
  return parsed ? `${parsed.dist === "pert" ? "PERT" : parsed.dist}(${parsed.params.map((p) => compact(p, "number", "")).join(", ")})` : JSON.stringify(q);
}

interface Round {
  quantiles: string[];
  experts: ExpertRow[];
}

function startRound(existing: Judgement[] | undefined): Round {
  if (!existing?.length) return { quantiles: DEFAULT_QUANTILES, experts: [0, 1, 2].map(() => emptyExpert(DEFAULT_QUANTILES.length)) };
  const quantiles = [...new Set(existing.flatMap((j) => Object.keys(j.quantiles)))].sort((a, b) => Number(a) - Number(b));
  return {
    quantiles,
    experts: existing.map((j) => ({
      name: j.expert,
      values: quantiles.map((q) => (j.quantiles[q] === undefined ? "" : String(j.quantiles[q]))),
      rationale: j.rationale ?? "",
    })),
  };
}

export function ElicitDialog({ path, value, probability, onClose }: { path: string; value: unknown; probability: boolean; onClose(): void }) {
  const backend = useBackend();
  const target = useEvidenceTarget();
  const [start] = useState(() => existingEvidence(target?.document(), value));
  const [round, setRound] = useState<Round>(() => startRound(start?.elicited));
  const families = familiesFor(probability);
  const [family, setFamily] = useState<Family>(families[0]!);
  const [hidden, setHidden] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [newQuantile, setNewQuantile] = useState("");
  const [sourceId, setSourceId] = useState(start?.elicited ? start.id : defaultSourceId(path, "experts"));
  const [title, setTitle] = useState(start?.elicited ? start.title : defaultTitle(path, "experts"));
  const [result, setResult] = useState<{ view: ElicitationView; judgements: Judgement[]; family: Family } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (next: Round) => {
    setRound(next);
    setResult(null);
    setError(null);
  };
  const setExpert = (i: number, change: Partial<ExpertRow>) => edit({ ...round, experts: round.experts.map((e, j) => (j === i ? { ...e, ...change } : e)) });
  const masked = (i: number) => isMasked(i, { hidden, revealed, active });
  const waiting = hidden && !revealed;

  const addQuantile = () => {
    const key = quantileKey(newQuantile, round.quantiles);
    if (key === null) {
      setError(`“${newQuantile}” is not a new percentage between 0 and 100`);
      return;
    }
    edit({ quantiles: [...round.quantiles, key], experts: round.experts.map((e) => ({ ...e, values: [...e.values, ""] })) });
    setNewQuantile("");
  };

  const fit = async () => {
    const read = judgementsOf(round.experts, round.quantiles);
    if ("problem" in read) {
      setError(read.problem);
      return;
    }
    if (!backend) return;
    setBusy(true);
    try {
      setResult({ view: await backend.elicit(read.judgements, family), judgements: read.judgements, family });
      setError(null);
    } catch (e) {
      setResult(null);
      setError(toErrorPayload(e).message);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!result || !backend || !target) return;
    setBusy(true);
    const problem = await applyEvidenceTo(backend, target, path, sourceId, title, { kind: "elicited", judgements: result.judgements, family: result.family });
    if (problem === null) {
      onClose();
    } else {
      setError(problem);
      setBusy(false);
    }
  };

  const e = result?.view;
  return (
    <Dialog title="Elicit from experts" testid="evidence-elicit" onClose={onClose} wide>
      <p className="muted evidence-for">
        For <code>{path}</code>: each expert gives the values they believe lie below each probability{" "}
        {probability ? "(as probabilities: 0.02 is 2 %)" : "(in the quantity's units)"}.
      </p>
      <div className="evidence-row">
        <label className="field-inline">
          <input
            type="checkbox"
            checked={hidden}
            data-testid="elicit-hidden"
            onChange={(ev) => {
              setHidden(ev.target.checked);
              setRevealed(false);
              setActive(null);
            }}
          />
          hide answers until all have answered
        </label>
        {hidden && !revealed && (
          <button type="button" className="button" data-testid="elicit-reveal" onClick={() => setRevealed(true)}>
            Reveal
          </button>
        )}
        {hidden && revealed && <span className="muted" data-testid="elicit-revealed">Answers revealed.</span>}
        {families.length > 1 ? (
          <label className="field-inline">
            family
            <select
              value={family}
              data-testid="elicit-family"
              onChange={(ev) => {
                setFamily(ev.target.value as Family);
                setResult(null);
              }}
            >
              {families.map((f) => (
                <option key={f} value={f}>
                  {FAMILY_WORDS[f]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="muted" data-testid="elicit-family" data-family={family}>
            fitted as a {FAMILY_WORDS[family]} (a probability)
          </span>
        )}
      </div>
      <table className="evidence-table evidence-experts">
        <thead>
          <tr>
            <th scope="col">expert</th>
            {round.quantiles.map((q) => (
              <th key={q} scope="col">
                {quantileHeading(q)}
              </th>
            ))}
            <th scope="col">rationale</th>
            <th scope="col">
              <span className="sr-only">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {round.experts.map((x, i) => {
            const hide = masked(i);
            const name = expertName(x, i);
            return (
              <tr key={i} data-testid={`elicit-expert-${i}`} data-masked={hide} className={active === i && hidden && !revealed ? "evidence-typing" : undefined}>
                <td>
                  <input
                    aria-label={`expert ${i + 1} name`}
                    value={x.name}
                    placeholder={`Expert ${i + 1}`}
                    data-testid={`elicit-expert-${i}-name`}
                    onFocus={() => setActive(i)}
                    onChange={(ev) => setExpert(i, { name: ev.target.value })}
                  />
                </td>
                {round.quantiles.map((q, c) => (
                  <td key={q}>
                    <input
                      className="evidence-number"
                      aria-label={`${name}: ${quantileHeading(q)} quantile${hide ? " (hidden)" : ""}`}
                      inputMode="decimal"
                      value={hide ? "" : (x.values[c] ?? "")}
                      placeholder={hide ? (x.values[c] ? "•••" : "") : ""}
                      readOnly={hide}
                      data-masked={hide}
                      data-testid={`elicit-expert-${i}-q${c}`}
                      onFocus={() => setActive(i)}
                      onChange={(ev) => setExpert(i, { values: x.values.map((v, k) => (k === c ? ev.target.value : v)) })}
                    />
                  </td>
                ))}
                <td>
                  <input
                    aria-label={`${name}: rationale${hide ? " (hidden)" : ""}`}
                    value={hide ? "" : x.rationale}
                    placeholder={hide ? (x.rationale ? "•••" : "") : "why"}
                    readOnly={hide}
                    data-masked={hide}
                    data-testid={`elicit-expert-${i}-rationale`}
                    onFocus={() => setActive(i)}
                    onChange={(ev) => setExpert(i, { rationale: ev.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`remove ${name}`}
                    disabled={round.experts.length === 1}
                    data-testid={`elicit-expert-${i}-remove`}
                    onClick={() => {
                      setActive(null);
                      edit({ ...round, experts: round.experts.filter((_, j) => j !== i) });
                    }}
                  >
                    remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="evidence-row">
        <button type="button" className="button button-ghost" data-testid="elicit-expert-add" onClick={() => edit({ ...round, experts: [...round.experts, emptyExpert(round.quantiles.length)] })}>
          Add expert
        </button>
        <label className="field-inline">
          add a quantile (%)
          <input className="evidence-number" value={newQuantile} placeholder="25" data-testid="elicit-quantile-new" onChange={(ev) => setNewQuantile(ev.target.value)} />
        </label>
        <button type="button" className="button button-ghost" data-testid="elicit-quantile-add" onClick={addQuantile}>
          Add quantile
        </button>
      </div>
      <div className="evidence-row">
        <button type="button" className="button" data-testid="elicit-fit" disabled={busy || !backend || waiting} onClick={() => void fit()}>
          Fit and pool
        </button>
        {waiting && <span className="muted">Reveal the answers to fit them.</span>}
      </div>
      {error && (
        <p className="field-note bad evidence-error" role="alert" data-testid="evidence-error">
          {error}
        </p>
      )}
      {e && result && (
        <div className="evidence-result" data-testid="elicit-result">
          <EvidencePlot
            testid="elicit-plot"
            title="Each expert's fitted density and the equal-weight pool"
            probability={probability}
            curves={[
              ...e.experts.map((view, i) => ({
                view,
                label: e.elicitation.experts[i]?.expert ?? `Expert ${i + 1}`,
                note: `worst quantile error ${fitErrorText(e.elicitation.experts[i]?.fit.fit_error ?? 0)}`,
              })),
              { view: e.pool, label: "Pool (equal weights)", emphasis: true },
            ]}
          />
          <ul className="evidence-fits">
            {e.elicitation.experts.map((x, i) => (
              <li key={i} data-testid={`elicit-expert-${i}-fit`} data-fit-error={x.fit.fit_error}>
                {x.expert}: {quantityText(x.fit.quantity)}, worst quantile error {fitErrorText(x.fit.fit_error)}
              </li>
            ))}
          </ul>
          <p className="evidence-headline" data-testid="elicit-pool" data-fit-error={e.elicitation.pool.fit_error}>
            <b>Pool: {quantityText(e.elicitation.pool.quantity)}</b>
            {e.pool.mean !== null && (
              <>
                {" "}
                · mean {compact(e.pool.mean, probability ? "rate" : "number", "")} · P5–P95 {compact(e.pool.p5 ?? 0, probability ? "rate" : "number", "")} –{" "}
                {compact(e.pool.p95 ?? 0, probability ? "rate" : "number", "")}
              </>
            )}{" "}
            · the refit's worst quantile error {fitErrorText(e.elicitation.pool.fit_error)}
          </p>
        </div>
      )}
      <SourceFields
        sourceId={sourceId}
        title={title}
        onSourceId={setSourceId}
        onTitle={setTitle}
        exists={sourceExists(target?.document(), sourceId)}
        what="judgements"
        testid="elicit"
      />
      <div className="modal-actions">
        <button type="button" className="button button-ghost" data-testid="elicit-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" data-testid="elicit-apply" disabled={!result || busy || !target} onClick={() => void apply()}>
          Apply the pool
        </button>
      </div>
    </Dialog>
  );
}
