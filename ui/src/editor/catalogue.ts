// Copying a control of the built-in catalogue into the model: the control under an id
// the library does not use yet, and the sources it cites that the model does not have
// (by id). Pure; the panel applies it as one undoable edit.

import type { CatalogueControl } from "../ipc";
import { isObj, type ModelDoc } from "./model";

/** The id the copy gets: the catalogue's, or with `_2`, `_3`, … when that is taken. */
export function freeControlId(doc: ModelDoc, id: string): string {
  const taken = new Set((Array.isArray(doc.controls) ? doc.controls : []).filter(isObj).map((c) => c.id));
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}_${n}`)) n++;
  return `${id}_${n}`;
}

/** The document with `entry` in its control library and its sources merged in. */
export function addFromCatalogue(doc: ModelDoc, entry: CatalogueControl): ModelDoc {
  const id = freeControlId(doc, entry.id);
  const control = { ...(isObj(entry.control) ? entry.control : {}), id };
  const sources = Array.isArray(doc.sources) ? doc.sources : [];
  const have = new Set(sources.filter(isObj).map((s) => s.id));
  const added = entry.sources.filter((s) => isObj(s) && !have.has(s.id));
  return {
    ...doc,
    controls: [...(Array.isArray(doc.controls) ? doc.controls : []), control],
    sources: [...sources, ...added],
  };
}

/** A quantity as a room reads it: a PERT's low / mode / high, or the number. */
export function describeQuantity(q: unknown): string {
  if (typeof q === "number") return String(q);
  if (isObj(q)) {
    for (const key of ["pert", "triangular", "uniform", "beta", "lognormal"]) {
      const v = q[key];
      if (Array.isArray(v)) return `${key} ${v.join(" / ")}`;
    }
  }
  return JSON.stringify(q);
}
