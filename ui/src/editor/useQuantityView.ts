// What the engine says of a Quantity being edited (mean, P5–P95, density, or why it is
// not valid): asked of the backend on every change, the newest answer kept. The UI has
// no distribution maths of its own.
import { useEffect, useState } from "react";

import { useBackend } from "../backendContext";
import type { QuantityDomain, QuantityView } from "../ipc";

/** The engine's view of `quantity` used as `domain`, and the quantity it describes
 * (`for`: its JSON text) — `null` until the first answer or without a backend. */
export function useQuantityView(quantity: unknown, domain: QuantityDomain): { view: QuantityView; for: string } | null {
  const backend = useBackend();
  const key = JSON.stringify(quantity ?? null);
  const [answer, setAnswer] = useState<{ view: QuantityView; for: string } | null>(null);
  useEffect(() => {
    if (!backend) return;
    let current = true;
    backend.describeQuantity(JSON.parse(key) as unknown, domain).then(
      (view) => {
        if (current) setAnswer({ view, for: key });
      },
      (error: unknown) => {
        if (current) setAnswer({ view: { valid: false, problems: [String((error as { message?: string })?.message ?? error)], mean: null, p5: null, p95: null, fixed: false, density: [] }, for: key });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, key, domain]);
  return answer;
}
