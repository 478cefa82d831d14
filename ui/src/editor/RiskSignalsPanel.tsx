import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { betaParams, gatesUsing, newRiskSignal, removeSignal, renameSignal, updateSignal, validBeta } from "./governance";
import { IdField } from "./Inspector";
import { idsOf, isObj, populationsOf, resolveEntry, type Obj } from "./model";
import { NumberField, WildcardRules } from "./QuantityEditor";
import { compact } from "../format/numbers";
import { DensityPlot } from "./DensityPlot";
import { useQuantityView } from "./useQuantityView";

const PLOT_W = 220;
const PLOT_H = 48;
const WILDCARDS = ["*legitimate", "*attacker", "*"];

/** A score entry with new Beta parameters, keeping its other keys (the source). */
function withBeta(entry: unknown, a: number, b: number): Obj {
  return { ...(isObj(entry) ? entry : {}), beta: [a, b] };
}

/** Risk signals (spec §4): a score in [0, 1] per population as Beta(a, b), plotted; the gates that use each. */
export function RiskSignalsPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const doc = useStore(store, (s) => s.doc);
  const list = Array.isArray(doc.risk_signals) ? (doc.risk_signals as unknown[]) : [];
  const populations = populationsOf(doc);
  const teams = isObj(doc.owners) && Array.isArray(doc.owners.teams) ? doc.owners.teams.filter(isObj).map((t) => String(t.id)) : [];
  const sources = idsOf(doc, "sources");
  const ids = list.filter(isObj).map((s) => String(s.id));
  const edit = (i: number, change: (s: Obj) => Obj, coalesce?: string) =>
    store.getState().apply((d) => updateSignal(d, i, change), coalesce);
  return (
    <aside className="inspector" data-testid="risk-signals-panel">
      <div className="per-pop-head">
        <h3>Risk signals</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      {list.length === 0 && <p className="muted">No risk signals yet. Risk gates route by a signal's score.</p>}
      {list.map((raw, i) => {
        if (!isObj(raw)) return null;
        const s: Obj = raw;
        const id = String(s.id);
        const score = isObj(s.score) ? s.score : {};
        const keys = Object.keys(score).filter((k) => !k.startsWith("x-"));
        const unused = [...populations.map((p) => p.id), ...WILDCARDS].filter((k) => !(k in score));
        const setScore = (next: Obj) => edit(i, (x) => ({ ...x, score: next }), `signal:${i}:score`);
        const gates = gatesUsing(doc, id);
        return (
          <fieldset key={i} className="exits" data-testid={`signal-${id}`}>
            <legend>
              <code>{id}</code>{" "}
              <button type="button" className="link" data-testid={`signal-${id}-remove`} onClick={() => store.getState().apply((d) => removeSignal(d, i))}>
                remove
              </button>
            </legend>
            <IdField
              key={id}
              id={id}
              taken={ids}
              testid={`signal-${id}-id`}
              onRename={(to) => store.getState().apply((d) => renameSignal(d, id, to))}
            />
            <label className="field">
              name
              <input
                value={typeof s.name === "string" ? s.name : ""}
                data-testid={`signal-${id}-name`}
                onChange={(e) => edit(i, (x) => ({ ...x, name: e.target.value }), `signal:${i}:name`)}
              />
            </label>
            <label className="field-inline">
              owner
              <select
                value={typeof s.owner === "string" ? s.owner : ""}
                onChange={(e) =>
                  edit(i, (x) => {
                    const next = { ...x, owner: e.target.value || undefined };
                    if (next.owner === undefined) delete next.owner;
                    return next;
                  })
                }
              >
                <option value="">(none)</option>
                {teams.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            <div className="field">
              score per population, Beta(a, b) on [0, 1] — higher is riskier
              {keys.map((key) => {
                const ab = betaParams(score[key]);
                const [a, b] = ab ?? [1, 1];
                const ok = ab !== undefined && validBeta(a, b);
                const used = populations.filter((p) => resolveEntry(score, p) === key).map((p) => p.id);
                return (
                  <div key={key} className="per-pop-entry" data-testid={`signal-${id}-score-${key}`}>
                    <div className="per-pop-head">
                      <code>{key}</code>
                      <span className="muted">{used.join(", ") || "used by no population"}</span>
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          const next = { ...score };
                          delete next[key];
                          setScore(next);
                        }}
                      >
                        remove
                      </button>
                    </div>
                    <div className="quantity-row">
                      <NumberField label="a" value={a} testid={`signal-${id}-${key}-a`} onChange={(v) => setScore({ ...score, [key]: withBeta(score[key], v, b) })} />
                      <NumberField label="b" value={b} testid={`signal-${id}-${key}-b`} onChange={(v) => setScore({ ...score, [key]: withBeta(score[key], a, v) })} />
                    </div>
                    <ScoreDensity a={a} b={b} ok={ok} isBeta={ab !== undefined} testid={`signal-${id}-${key}`} />
                    {sources.length > 0 && (
                      <label className="field-inline">
                        source
                        <select
                          value={isObj(score[key]) && typeof score[key].source === "string" ? score[key].source : ""}
                          onChange={(e) => {
                            const next: Obj = { ...withBeta(score[key], a, b), source: e.target.value || undefined };
                            if (next.source === undefined) delete next.source;
                            setScore({ ...score, [key]: next });
                          }}
                        >
                          <option value="">(none)</option>
                          {sources.map((src) => (
                            <option key={src.id} value={src.id}>
                              {src.name ? `${src.id} — ${src.name}` : src.id}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                  </div>
                );
              })}
              <WildcardRules map={score} populations={populations} missing="No score for" />
              {unused.length > 0 && (
                <select
                  value=""
                  aria-label="Add a score for a population"
                  data-testid={`signal-${id}-add`}
                  onChange={(e) => e.target.value && setScore({ ...score, [e.target.value]: { beta: [2, 5] } })}
                >
                  <option value="">add score for…</option>
                  {unused.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              )}
            </div>
            <div className="field" data-testid={`signal-${id}-gates`}>
              used by gates
              {gates.length === 0 ? (
                <span className="muted"> none</span>
              ) : (
                <ul className="signal-gates">
                  {gates.map((g) => (
                    <li key={`${g.journey}/${g.step}`}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          store.getState().setJourney(g.journey);
                          store.getState().select([g.step]);
                        }}
                      >
                        {g.journey} / {g.step}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        data-testid="signal-add"
        onClick={() => store.getState().apply((d) => ({ ...d, risk_signals: [...(Array.isArray(d.risk_signals) ? d.risk_signals : []), newRiskSignal(d)] }))}
      >
        Add risk signal
      </button>
    </aside>
  );
}

/** A score's Beta(a, b) density and mean, from the engine. */
function ScoreDensity({ a, b, ok, isBeta, testid }: { a: number; b: number; ok: boolean; isBeta: boolean; testid: string }) {
  const answer = useQuantityView({ beta: [a, b] }, "probability");
  const view = ok ? (answer?.view ?? null) : null;
  return (
    <div className="quantity-plot">
      <DensityPlot view={view} width={PLOT_W} height={PLOT_H} testid={`${testid}-plot`} />
      {ok ? (
        <span className="quantity-stats" data-testid={`${testid}-mean`}>
          mean score <b>{view?.mean === null || view?.mean === undefined ? "–" : compact(view.mean, "number", "")}</b>
        </span>
      ) : (
        <span className="field-note bad">{isBeta ? "a and b must be > 0" : "not a Beta; editing replaces it"}</span>
      )}
    </div>
  );
}
