import { short, thousands } from "./numbers";

/** `consumer-sign-in.json` → `consumer-sign-in` (used in test ids). */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.json$/i, "");
}

/** `1 journey`, `3 journeys`. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A p-value for people, from the number policy: `0.412`, `0.0031`, `< 0.0001`. */
export function pValue(p: number): string {
  return p < 0.0001 ? `< ${thousands(0.0001, 4)}` : short(p);
}
