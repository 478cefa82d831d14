import { useState } from "react";

import { compact } from "../format/numbers";
import { DensityPlot } from "./DensityPlot";
import { EvidenceButtons } from "./evidence/EvidenceButtons";
import { isObj, resolveEntry, type Obj } from "./model";
import { DISTRIBUTIONS, convert, isQuantityValue, paramsOf, parseQuantity, writeQuantity, type Distribution, type Quantity } from "./quantity";
import { useQuantityView } from "./useQuantityView";

const PLOT_W = 200;
const PLOT_H = 44;

interface QuantityProps {
  value: unknown;
  onChange(value: unknown): void;
  /** A probability (support in [0, 1]; no lognormal). */
  probability?: boolean;
  sources: { id: string; name?: string }[];
  testid: string;
  /** Its slash path in the model (`journeys/login/steps/identify/abandon/customers`):
   * with it, the editor offers to fit the quantity from counts or experts. */
  path?: string;
}

/** Edits one Quantity: distribution, parameters, source; the engine's density plot, mean
 * and P5–P95 of it, or why the engine does not accept it. */
export function QuantityEditor({ value, onChange, probability, sources, testid, path }: QuantityProps) {
  const parsed = parseQuantity(value);
  const q: Quantity = parsed ?? { dist: "fixed", params: [0] };
  const dists = DISTRIBUTIONS.filter((d) => !(probability && d === "lognormal"));
  const emit = (next: Quantity) => onChange(writeQuantity(next, value));
  const answer = useQuantityView(writeQuantity(q, value), probability ? "probability" : "non_negative");
  const view = answer?.view ?? null;
  const n = (x: number | null) => (x === null ? "–" : compact(x, "number", ""));
  return (
    <div className="quantity" data-testid={testid} data-dist={q.dist}>
      <div className="quantity-row">
        <select
          value={q.dist}
          data-testid={`${testid}-dist`}
          aria-label="Distribution"
          onChange={(e) => emit(convert(q, e.target.value as Distribution, !!probability, view?.mean))}
        >
          {dists.map((d) => (
            <option key={d} value={d}>
              {d === "pert" ? "PERT" : d === "lognormal" ? "lognormal (p5–p95)" : d}
            </option>
          ))}
        </select>
        {paramsOf(q.dist).map((label, i) => (
          <NumberField
            key={`${q.dist}-${i}`}
            label={label}
            value={q.params[i] ?? 0}
            testid={`${testid}-p${i}`}
            onChange={(v) => emit({ ...q, params: q.params.map((p, j) => (j === i ? v : p)) })}
          />
        ))}
      </div>
      {!parsed && value !== undefined && <p className="field-note bad">Not a Quantity; editing replaces it.</p>}
      <div className="quantity-plot" data-testid={`${testid}-plot`} data-for={answer?.for} data-ms={answer?.ms.toFixed(1)}>
        <DensityPlot view={view} width={PLOT_W} height={PLOT_H} />
        {view === null ? null : view.valid ? (
          <span className="quantity-stats" data-testid={`${testid}-stats`}>
            mean{" "}
            <b data-testid={`${testid}-mean`} data-mean={view.mean ?? undefined}>
              {n(view.mean)}
            </b>{" "}
            · P5–P95 {n(view.p5)} – {n(view.p95)}
          </span>
        ) : (
          <span className="field-note bad" data-testid={`${testid}-problem`}>
            {view.problems[0] ?? "not accepted"}
          </span>
        )}
      </div>
      {path && <EvidenceButtons path={path} value={value} probability={!!probability} />}
      {sources.length > 0 && (
        <label className="field-inline">
          source
          <select
            value={q.source ?? ""}
            data-testid={`${testid}-source`}
            onChange={(e) => emit({ ...q, source: e.target.value || undefined })}
          >
            <option value="">(none)</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name ? `${s.id} — ${s.name}` : s.id}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** A number input that keeps what is typed until it parses. */
/** The fallback rule of per-population values, and the populations it leaves without one. */
export function WildcardRules({ map, populations, missing }: { map: Obj; populations: { id: string; kind: string }[]; missing: string }) {
  const uncovered = populations.filter((p) => resolveEntry(map, p) === undefined).map((p) => p.id);
  return (
    <div className="per-pop-rules muted">
      Each population uses its own entry, else <code>*legitimate</code> / <code>*attacker</code>, else <code>*</code>.
      {uncovered.length > 0 && (
        <span className="bad">
          {" "}
          {missing}: {uncovered.join(", ")}
        </span>
      )}
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  testid,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
  testid?: string;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value && Number(text) !== value) {
    setShown(value);
    setText(String(value));
  }
  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        data-testid={testid}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== "" && Number.isFinite(v)) {
            setShown(v);
            onChange(v);
          }
        }}
      />
    </label>
  );
}

interface PerPopulationProps {
  value: unknown;
  onChange(value: unknown): void;
  probability?: boolean;
  populations: { id: string; kind: string }[];
  sources: { id: string; name?: string }[];
  testid: string;
  /** The value's slash path; each entry's is this plus its key. */
  path?: string;
}

const WILDCARDS = ["*legitimate", "*attacker", "*"];

/** A PerPopulation value: one Quantity for everyone, or entries by population / wildcard. */
export function PerPopulationEditor({ value, onChange, probability, populations, sources, testid, path }: PerPopulationProps) {
  const single = value === undefined || isQuantityValue(value) || !isObj(value);
  if (single) {
    return (
      <div className="per-pop" data-testid={testid}>
        <div className="per-pop-head">
          <span className="muted">everyone</span>
          <button
            type="button"
            className="link"
            data-testid={`${testid}-split`}
            onClick={() => onChange({ "*": value ?? 0 })}
          >
            per population…
          </button>
        </div>
        <QuantityEditor value={value ?? 0} onChange={onChange} probability={probability} sources={sources} testid={`${testid}-all`} path={value === undefined ? undefined : path} />
      </div>
    );
  }
  const map = value as Obj;
  const keys = Object.keys(map).filter((k) => !k.startsWith("x-"));
  const unused = [...populations.map((p) => p.id), ...WILDCARDS].filter((k) => !(k in map));
  return (
    <div className="per-pop" data-testid={testid}>
      {keys.map((key) => (
        <div key={key} className="per-pop-entry">
          <div className="per-pop-head">
            <code>{key}</code>
            <span className="muted">
              {populations
                .filter((p) => resolveEntry(map, p) === key)
                .map((p) => p.id)
                .join(", ") || "used by no population"}
            </span>
            <button
              type="button"
              className="link"
              onClick={() => {
                const next = { ...map };
                delete next[key];
                onChange(next);
              }}
            >
              remove
            </button>
          </div>
          <QuantityEditor
            value={map[key]}
            onChange={(v) => onChange({ ...map, [key]: v })}
            probability={probability}
            sources={sources}
            testid={`${testid}-${key}`}
            path={path && `${path}/${key}`}
          />
        </div>
      ))}
      <WildcardRules map={map} populations={populations} missing="No entry for" />
      {unused.length > 0 && (
        <select
          value=""
          aria-label="Add an entry for a population"
          data-testid={`${testid}-add`}
          onChange={(e) => e.target.value && onChange({ ...map, [e.target.value]: probability ? 0.5 : 1 })}
        >
          <option value="">add entry…</option>
          {unused.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
