// The declarative registry of step kinds: colour, icon and shape of each (the UI's),
// with its name and exits from the engine's vocabulary.
import { STEP_KIND_DEFS } from "../vocab";

/** How each step kind looks: a declarative registry the canvas and palette share. */
export interface KindLook {
  label: string;
  colour: string;
  tint: string;
  /** SVG path (24 × 24 view box) of the kind's icon. */
  icon: string;
  /** CSS class that gives the node its shape. */
  shape: "rounded" | "square" | "gate" | "split" | "desk" | "pill";
  /** What the kind's exits mean, for the palette's tooltip. */
  exits: string;
}

/** How each kind looks (the UI's own: colour, icon, shape). */
const LOOKS: Record<string, Omit<KindLook, "label" | "exits">> = {
  action: {
    colour: "#2563eb",
    tint: "#eff4ff",
    icon: "M4 17.5V20h2.5l8.8-8.8-2.5-2.5L4 17.5zm15.7-9.7a.9.9 0 000-1.3l-2.2-2.2a.9.9 0 00-1.3 0l-1.8 1.8 2.5 2.5 1.8-1.8z",
    shape: "rounded",
  },
  control: {
    colour: "#7c3aed",
    tint: "#f5f0ff",
    icon: "M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3zm0 5a2 2 0 011 3.7V14h-2v-3.3A2 2 0 0112 7z",
    shape: "square",
  },
  risk_gate: {
    colour: "#d97706",
    tint: "#fff7e8",
    icon: "M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z",
    shape: "gate",
  },
  branch: {
    colour: "#0891b2",
    tint: "#ecfbff",
    icon: "M6 3v6.2a4 4 0 002 3.4L11 14.5V21h2v-6.5l3-1.9a4 4 0 002-3.4V3h-2v6.2a2 2 0 01-1 1.7L12 12.8 9 10.9a2 2 0 01-1-1.7V3H6z",
    shape: "split",
  },
  support: {
    colour: "#db2777",
    tint: "#fff0f7",
    icon: "M12 2a8 8 0 00-8 8v5a3 3 0 003 3h1v-7H6v-1a6 6 0 0112 0v1h-2v7h2v1h-5v2h5a2 2 0 002-2v-4a3 3 0 000-6v-0a8 8 0 00-8-8z",
    shape: "desk",
  },
  outcome: {
    colour: "#475569",
    tint: "#f1f5f9",
    icon: "M5 3v18h2v-7h5l1 2h6V5h-6l-1-2H5z",
    shape: "pill",
  },
};

/** What a kind's exits are, in words, from the engine's vocabulary. */
function exitWords(kind: string, exits: readonly { key: string }[]): string {
  if (kind === "branch") return "shares (one takes the rest)";
  if (exits.length === 0) return "none (terminal)";
  return exits.map((e) => e.key).join(" / ");
}

/** Every step kind of the engine with its look, label and exits. */
export const KINDS: Record<string, KindLook> = Object.fromEntries(
  STEP_KIND_DEFS.map((k) => [k.kind, { ...(LOOKS[k.kind] ?? LOOKS.action!), label: k.label, exits: exitWords(k.kind, k.exits) }]),
);

/** An exit's target that names nothing (drawn so the dangling exit is visible). */
export const MISSING_LOOK: KindLook = {
  label: "Missing target",
  colour: "#b42318",
  tint: "#fff1f0",
  icon: "M12 2a10 10 0 100 20 10 10 0 000-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z",
  shape: "rounded",
  exits: "none",
};

/** Outcome colours by class. */
export const OUTCOME_COLOURS: Record<string, { colour: string; tint: string }> = {
  success: { colour: "#15803d", tint: "#e8f7ee" },
  abandoned: { colour: "#a16207", tint: "#fdf6e3" },
  blocked: { colour: "#b91c1c", tint: "#fdeeee" },
};

/**
 * Text in a kind's colour: the colour itself where it reads on the kind's tint (≥ 4.5:1),
 * else a darker shade of it. Borders and icons keep the lighter colour.
 */
const INK: Record<string, string> = {
  "#2563eb": "#1d4ed8",
  "#d97706": "#92400e",
  "#0891b2": "#0e7490",
  "#db2777": "#be185d",
  "#a16207": "#854d0e",
};

/** The text colour for a look's `colour` (see INK). */
export function inkOf(colour: string): string {
  return INK[colour] ?? colour;
}

export function lookOf(kind: string, outcomeClass?: string): KindLook {
  if (kind === "missing") return MISSING_LOOK;
  const base = KINDS[kind] ?? { ...KINDS.action!, label: kind };
  if (kind === "outcome" && outcomeClass && OUTCOME_COLOURS[outcomeClass]) {
    return { ...base, ...OUTCOME_COLOURS[outcomeClass] };
  }
  return base;
}
