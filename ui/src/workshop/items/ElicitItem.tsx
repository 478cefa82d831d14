// An elicitation round in the room: the presenter types each estimate as it is said;
// the audience sees only how many were given until the presenter reveals them, then
// every estimate and the engine's equal-weight pool.
import { useEffect, useState } from "react";

import { toErrorPayload, type ElicitationView, type Judgement } from "../../ipc";
import { elicitSlide } from "../slides";
import type { ItemProps } from "./itemProps";

const KEYS = ["0.05", "0.5", "0.95"] as const;

export function ElicitItem({ item, backend, show, change }: ItemProps) {
  const what = item.what.kind === "elicit" ? item.what : null;
  const probability = what?.family === "beta";
  const [form, setForm] = useState({ expert: "", q: ["", "", ""], why: "" });
  const [view, setView] = useState<ElicitationView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const publish = (v: ElicitationView | null) =>
      show(
        elicitSlide(item.judgements, item.revealed, v, probability),
        item.revealed && v?.pool.mean != null
          ? `${what?.path}: ${item.judgements.length} estimates, pooled mean ${v.pool.mean.toPrecision(3)} (P5–P95 ${v.pool.p5?.toPrecision(3)} – ${v.pool.p95?.toPrecision(3)})`
          : `${what?.path}: ${item.judgements.length} estimates collected${item.revealed ? "" : ", hidden"}`,
      );
    if (!item.revealed || item.judgements.length === 0 || !what) {
      publish(null);
      return;
    }
    backend.elicit(item.judgements, what.family).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
        publish(v);
      },
      (e) => {
        if (!live) return;
        setError(toErrorPayload(e).message);
        publish(null);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.judgements, item.revealed, backend]);

  const add = () => {
    const values = form.q.map(Number);
    if (form.expert.trim() === "" || form.q.some((v) => v.trim() === "") || values.some((v) => !Number.isFinite(v))) {
      setError("Give a name and three numbers (5 %, 50 %, 95 %).");
      return;
    }
    if (!(values[0]! < values[1]! && values[1]! < values[2]!)) {
      setError("The three values must increase: 5 % < 50 % < 95 %.");
      return;
    }
    const j: Judgement = { expert: form.expert.trim(), quantiles: Object.fromEntries(KEYS.map((k, i) => [k, values[i]!])), rationale: form.why.trim() || undefined };
    change({ judgements: [...item.judgements, j] });
    setForm({ expert: "", q: ["", "", ""], why: "" });
    setError(null);
  };

  return (
    <div className="workshop-elicit" data-testid="workshop-elicit" data-count={item.judgements.length} data-revealed={item.revealed}>
      <p className="meta">
        For <code>{what?.path}</code>
        {probability ? " (as probabilities: 0.02 is 2 %)" : ""}. The audience sees only how many estimates were given until you reveal them (R).
      </p>
      <div className="workshop-elicit-form">
        <input aria-label="who" placeholder="who" value={form.expert} data-testid="workshop-elicit-expert" onChange={(e) => setForm({ ...form, expert: e.target.value })} />
        {KEYS.map((k, i) => (
          <input
            key={k}
            aria-label={`${Number(k) * 100} % value`}
            placeholder={`${Number(k) * 100} %`}
            inputMode="decimal"
            value={form.q[i]}
            data-testid={`workshop-elicit-q${i}`}
            onChange={(e) => setForm({ ...form, q: form.q.map((v, j) => (j === i ? e.target.value : v)) })}
          />
        ))}
        <input aria-label="why" placeholder="why" value={form.why} data-testid="workshop-elicit-why" onChange={(e) => setForm({ ...form, why: e.target.value })} />
        <button type="button" className="button" data-testid="workshop-elicit-add" onClick={add}>
          Add estimate
        </button>
      </div>
      <ul className="workshop-elicit-list">
        {item.judgements.map((j, i) => (
          <li key={i} data-testid={`workshop-elicit-row-${i}`}>
            {j.expert}: {KEYS.map((k) => j.quantiles[k]).join(" / ")} {j.rationale ? `— ${j.rationale}` : ""}
          </li>
        ))}
      </ul>
      {!item.revealed && item.judgements.length > 0 && (
        <button type="button" className="button" data-testid="workshop-reveal" onClick={() => change({ revealed: true })}>
          Reveal to the room (R)
        </button>
      )}
      {item.revealed && view && (
        <p className="meta" data-testid="workshop-elicit-pool">
          Pool: mean {view.pool.mean?.toPrecision(3)}, P5–P95 {view.pool.p5?.toPrecision(3)} – {view.pool.p95?.toPrecision(3)}
        </p>
      )}
      {error && (
        <p className="field-note bad" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
