// Test helper: a mock backend whose `describe_quantity` answers with the engine's real
// views (generated: ipc/gen/samples.ts) and records what it was asked.
import { createMockBackend, type Backend } from "./ipc";
import { QUANTITY_SAMPLES } from "./ipc/gen/samples";

/** A mock backend answering `describeQuantity` from the engine's samples; an unknown
 * quantity is an error naming it (add it to the samples in crates/app/src/bindings.rs). */
export function sampleQuantityBackend(base: Backend = createMockBackend({ models: [] })): Backend & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    ...base,
    asked,
    async describeQuantity(quantity, domain) {
      asked.push(quantity);
      const key = JSON.stringify(quantity);
      const sample = QUANTITY_SAMPLES.find((s) => JSON.stringify(s.quantity) === key && s.domain === domain);
      if (!sample) throw { code: "run_failed", message: `no engine sample of ${key} (${domain})` };
      return sample.view;
    },
  };
}
