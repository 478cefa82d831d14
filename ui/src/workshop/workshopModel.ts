// A workshop's agenda as data: new items with sensible defaults from the model, moving
// and removing items, the clock of a time box, and what each item is in words. Pure:
// the components and the tests share it.
import type { ItemKind, Workshop, WorkshopItem } from "../ipc";
import { journeys, stepsOf, type ModelDoc } from "../editor/model";

export type ItemKindName = ItemKind["kind"];

/** The kinds a facilitator can add, with their words. */
export const ITEM_KINDS: { kind: ItemKindName; label: string }[] = [
  { kind: "journey", label: "Show a journey" },
  { kind: "compare", label: "Compare scenarios" },
  { kind: "thresholds", label: "Explore a risk gate's thresholds" },
  { kind: "elicit", label: "Elicitation round" },
  { kind: "decision", label: "Decision on a scenario" },
  { kind: "notes", label: "Notes" },
];

/** The audience's name for an item's kind. */
export const KIND_WORDS: Record<ItemKindName, string> = {
  journey: "Journey",
  compare: "Scenario comparison",
  thresholds: "Risk thresholds",
  elicit: "Elicitation round",
  decision: "Decision",
  notes: "Notes",
};

/** Default time box of a new item, minutes. */
export const DEFAULT_MINUTES = 10;

interface Population {
  id: string;
  kind: string;
}

function populations(doc: ModelDoc): Population[] {
  const list = Array.isArray(doc.populations) ? (doc.populations as Population[]) : [];
  return list.filter((p) => typeof p?.id === "string");
}

/** The risk gates of a model as `journey/step` pairs. */
export function riskGates(doc: ModelDoc): { journey: string; step: string; name: string }[] {
  return journeys(doc).flatMap((j) =>
    stepsOf(j)
      .filter((s) => s.kind === "risk_gate")
      .map((s) => ({ journey: j.id, step: s.id, name: `${j.name ?? j.id} / ${s.name ?? s.id}` })),
  );
}

/** The scenarios of a model: id and name. */
export function scenarios(doc: ModelDoc): { id: string; name: string }[] {
  const list = Array.isArray(doc.scenarios) ? (doc.scenarios as { id?: unknown; name?: unknown }[]) : [];
  return list.flatMap((s) => (typeof s.id === "string" ? [{ id: s.id, name: typeof s.name === "string" ? s.name : s.id }] : []));
}

/** What a new item of `kind` shows, filled in from the model where it can be. */
export function defaultKind(kind: ItemKindName, doc: ModelDoc): ItemKind {
  const firstJourney = journeys(doc)[0];
  const legit = populations(doc).find((p) => p.kind === "legitimate") ?? populations(doc)[0];
  switch (kind) {
    case "journey":
      return { kind, journey: firstJourney?.id ?? "", population: legit?.id ?? null };
    case "compare":
      return { kind, run_id: null };
    case "thresholds": {
      const gate = riskGates(doc)[0];
      return { kind, journey: gate?.journey ?? "", step: gate?.step ?? "" };
    }
    case "elicit": {
      const step = stepsOf(firstJourney).find((s) => s.kind === "action");
      const path = firstJourney && step ? `journeys/${firstJourney.id}/steps/${step.id}/abandon/*legitimate` : "";
      return { kind, path, family: "beta" };
    }
    case "decision":
      return { kind, scenario: scenarios(doc)[0]?.id ?? "" };
    case "notes":
      return { kind, text: "" };
  }
}

/** A default title for an item. */
export function defaultTitle(what: ItemKind, doc: ModelDoc): string {
  switch (what.kind) {
    case "journey": {
      const j = journeys(doc).find((x) => x.id === what.journey);
      return `${j?.name ?? what.journey}${what.population ? ` — ${what.population}` : ""}`;
    }
    case "compare":
      return "What the scenarios change";
    case "thresholds": {
      const g = riskGates(doc).find((x) => x.journey === what.journey && x.step === what.step);
      return `Thresholds of ${g?.name ?? `${what.journey}/${what.step}`}`;
    }
    case "elicit":
      return "Your estimate";
    case "decision": {
      const s = scenarios(doc).find((x) => x.id === what.scenario);
      return `Decide: ${s?.name ?? what.scenario}`;
    }
    case "notes":
      return "Notes";
  }
}

export function newItem(kind: ItemKindName, doc: ModelDoc): WorkshopItem {
  const what = defaultKind(kind, doc);
  return {
    title: defaultTitle(what, doc),
    minutes: DEFAULT_MINUTES,
    what,
    notes: "",
    parking: [],
    shown: [],
    judgements: [],
    revealed: false,
    elapsed_seconds: 0,
  };
}

export function newWorkshop(modelPath: string, name: string): Workshop {
  return { id: null, model_key: "", model_path: modelPath, name, items: [], current: 0, started_at: null, ended_at: null };
}

/** `items` with item `from` moved by `by` places (clamped); `current` follows the item it pointed at. */
export function moveItem(w: Workshop, from: number, by: number): Workshop {
  const to = Math.max(0, Math.min(w.items.length - 1, from + by));
  if (to === from || from < 0 || from >= w.items.length) return w;
  const items = [...w.items];
  const [moved] = items.splice(from, 1);
  items.splice(to, 0, moved!);
  const currentItem = w.items[w.current];
  return { ...w, items, current: Math.max(0, items.indexOf(currentItem!)) };
}

export function removeItem(w: Workshop, at: number): Workshop {
  const items = w.items.filter((_, i) => i !== at);
  const current = Math.min(at < w.current ? w.current - 1 : w.current, Math.max(0, items.length - 1));
  return { ...w, items, current };
}

export function replaceItem(w: Workshop, at: number, change: Partial<WorkshopItem>): Workshop {
  return { ...w, items: w.items.map((item, i) => (i === at ? { ...item, ...change } : item)) };
}

/** `m:ss` left of a time box, or `over by m:ss`. */
export function clock(minutes: number, elapsedSeconds: number): string {
  const left = minutes * 60 - elapsedSeconds;
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return left >= 0 ? `${mmss(left)} left` : `over by ${mmss(-left)}`;
}

/** Now, as the store writes times (UTC, ISO 8601). */
export function nowIso(): string {
  return new Date().toISOString();
}
