// What the evidence dialogs need of the editor, provided once by the editor screen: the
// document as it is now and a way to replace it as one undoable edit. Outside an editor
// (a plain component test, the risk signals' own plots) there is none, and the quantity
// editor offers no evidence buttons.
import { createContext, useContext } from "react";

import type { ModelDoc } from "../model";

export interface EvidenceTarget {
  /** The document being edited. */
  document(): ModelDoc;
  /** Replaces the document (one undoable edit). */
  replace(doc: ModelDoc): void;
}

export const EvidenceContext = createContext<EvidenceTarget | null>(null);

export function useEvidenceTarget(): EvidenceTarget | null {
  return useContext(EvidenceContext);
}
