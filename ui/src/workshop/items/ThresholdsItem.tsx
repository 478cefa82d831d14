// A risk gate's thresholds, moved live by the presenter: the engine's numbers for each
// position go to the audience as they arrive (one request in flight, the newest next).
import { useEffect, useState } from "react";

import { journeys, stepsOf } from "../../editor/model";
import { toErrorPayload, type GateExploration } from "../../ipc";
import { latestRequests } from "../../util/latestRequests";
import { thresholdSlide } from "../slides";
import type { ItemProps } from "./itemProps";

/** Iterations per position: the explorer's (expected mode), fast enough to follow a slider. */
const ITERATIONS = 300;

function gateThresholds(item: ItemProps["item"], doc: ItemProps["doc"]): { allow: number; block: number } {
  if (item.what.kind !== "thresholds") return { allow: 0.3, block: 0.8 };
  const { journey, step } = item.what;
  const s = stepsOf(journeys(doc).find((j) => j.id === journey)).find((x) => x.id === step);
  const num = (v: unknown, d: number) => (typeof v === "number" ? v : d);
  return { allow: num(s?.allow_below, 0.3), block: num(s?.block_at_or_above, 0.8) };
}

export function ThresholdsItem(props: ItemProps) {
  const { item, doc, backend, show } = props;
  const gate = item.what.kind === "thresholds" ? `${item.what.journey}/${item.what.step}` : "";
  const [t, setT] = useState(() => gateThresholds(item, doc));
  const [answer, setAnswer] = useState<GateExploration | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One seed for the session: every position is compared on the same draws.
  const [seed] = useState(() => String(Math.floor(Math.random() * 1_000_000_007)));
  const [requests] = useState(() =>
    latestRequests<{ allow: number; block: number }, GateExploration>((x) => backend.exploreGate(doc, gate, x.allow, x.block, ITERATIONS, seed), {
      onAnswer: (g) => {
        setAnswer(g);
        setError(null);
        const p = g.point;
        show(
          thresholdSlide(g),
          `${gate} at allow < ${p.allow_below.toFixed(2)}, block ≥ ${p.block_at_or_above.toFixed(2)}: fraud loss ${Math.round(p.fraud_loss)} ${g.currency}, customers challenged ${(p.legit_challenge_rate * 100).toFixed(1)} % (seed ${g.seed})`,
        );
      },
      onError: (e) => setError(toErrorPayload(e).message),
      onBusy: () => undefined,
    }),
  );
  useEffect(() => requests.submit(t), [requests, t]);
  useEffect(() => () => requests.reset(), [requests]);
  const set = (allow: number, block: number) => setT({ allow: Math.min(allow, block), block: Math.max(allow, block) });
  return (
    <div className="workshop-sliders" data-testid="workshop-thresholds">
      <label className="field">
        allow below <b data-testid="workshop-allow-value">{t.allow.toFixed(2)}</b>
        <input type="range" min={0} max={1} step={0.01} value={t.allow} data-testid="workshop-allow" onChange={(e) => set(Number(e.target.value), t.block)} />
      </label>
      <label className="field">
        block at or above <b>{t.block.toFixed(2)}</b>
        <input type="range" min={0} max={1} step={0.01} value={t.block} data-testid="workshop-block" onChange={(e) => set(t.allow, Number(e.target.value))} />
      </label>
      {answer && (
        <p className="meta" data-testid="workshop-thresholds-answer" data-fraud-loss={answer.point.fraud_loss}>
          Engine: {answer.iterations} iterations in {answer.compute_ms.toFixed(0)} ms.
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
