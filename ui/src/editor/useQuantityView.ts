// What the engine says of a Quantity being edited (mean, P5–P95, density, or why it is
// not valid): asked of the backend on every change, the newest answer kept. The UI has
// no distribution maths of its own.
import { useEffect, useState } from "react";

import { useBackend } from "../backendContext";
import type { QuantityDomain, QuantityView } from "../ipc";

/** The engine's view of `quantity` used as `domain`, the quantity it describes (`for`:
 * its JSON text) and how long the answer took (`ms`, round trip) — `null` until the first
 * answer or without a backend. */
export function useQuantityView(quantity: unknown, domain: QuantityDomain): { view: QuantityView; for: string; ms: number } | null {
  const backend = useBackend();
  const key = JSON.stringify(quantity ?? null);
  const [answer, setAnswer] = useState<{ view: QuantityView; for: string; ms: number } | null>(null);
  useEffect(() => {
    if (!backend) return;
    let current = true;
    const asked = performance.now();
    backend.describeQuantity(JSON.parse(key) as unknown, domain).then(
      (view) => {
        if (current) setAnswer({ view, for: key, ms: performance.now() - asked });
      },
      (error: unknown) => {
        const problem = String((error as { message?: string })?.message ?? error);
        const view: QuantityView = { valid: false, problems: [problem], mean: null, p5: null, p95: null, fixed: false, density: [] };
        if (current) setAnswer({ view, for: key, ms: performance.now() - asked });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, key, domain]);
  return answer;
}
