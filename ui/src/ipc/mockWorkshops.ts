// Workshops kept in memory for the browser preview and the UI's tests: saved, listed,
// resumed and deleted like the store does (one list for every model path; the summary
// is the desktop app's, written by Rust).
import type { Backend } from "./backend";
import type { ErrorPayload, Workshop, WorkshopSummary } from "./gen";

export type WorkshopsBackend = Pick<
  Backend,
  "listWorkshops" | "saveWorkshop" | "getWorkshop" | "deleteWorkshop" | "exportWorkshopSummary" | "pickSummaryPath"
>;

const notFound = (id: number): ErrorPayload => ({ code: "store", message: `workshop ${id} not found` });

export function createMockWorkshopsBackend(): WorkshopsBackend & { saved: Map<number, Workshop> } {
  const saved = new Map<number, Workshop>();
  let nextId = 1;
  const clone = (w: Workshop): Workshop => JSON.parse(JSON.stringify(w)) as Workshop;
  const summary = (w: Workshop): WorkshopSummary => ({
    id: w.id ?? 0,
    model_key: w.model_key,
    name: w.name,
    items: w.items.length,
    current: w.current + 1,
    current_title: w.items[w.current]?.title ?? null,
    started: w.started_at !== null,
    ended: w.ended_at !== null,
    updated_at: new Date().toISOString(),
  });
  return {
    saved,
    async listWorkshops() {
      return [...saved.values()].reverse().map(summary);
    },
    async saveWorkshop(workshop) {
      if (workshop.name.trim() === "") throw { code: "invalid_input", message: "the workshop needs a name" } satisfies ErrorPayload;
      const id = workshop.id ?? nextId++;
      const stored = { ...clone(workshop), id };
      saved.set(id, stored);
      return clone(stored);
    },
    async getWorkshop(id) {
      const w = saved.get(id);
      if (!w) throw notFound(id);
      return clone(w);
    },
    async deleteWorkshop(id) {
      if (!saved.delete(id)) throw notFound(id);
    },
    async exportWorkshopSummary() {
      throw { code: "unsupported", message: "the summary is written by the desktop app" } satisfies ErrorPayload;
    },
    async pickSummaryPath() {
      return null;
    },
  };
}
