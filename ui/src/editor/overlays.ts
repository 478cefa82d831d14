// The canvas draws one overlay at a time: a population's flow (after a run) or a selected
// attack route. Choosing one turns the other off.

import type { AttackStore } from "./attackStore";
import type { FlowStore } from "./flowStore";

/** Keeps the flow overlay and the route highlight exclusive; returns the unsubscribe. */
export function exclusiveOverlays(flow: FlowStore, attack: AttackStore): () => void {
  const offFlow = flow.subscribe((s, prev) => {
    if (s.population !== null && s.population !== prev.population && attack.getState().selected !== null) attack.getState().select(null);
  });
  const offAttack = attack.subscribe((s, prev) => {
    if (s.selected !== null && s.selected !== prev.selected && flow.getState().population !== null) flow.getState().choose(null);
  });
  return () => {
    offFlow();
    offAttack();
  };
}
