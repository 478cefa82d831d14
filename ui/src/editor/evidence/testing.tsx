// Test helper: an editor store over a small model whose step `start` has a per-population
// abandon, rendered inside the providers an editor gives (backend, evidence target), with
// a backend that fits as the engine did for the sample and records what it is asked to apply.
import { render } from "@testing-library/react";
import type { ReactElement } from "react";

import { BackendContext } from "../../backendContext";
import type { Evidence } from "../../ipc";
import { sampleQuantityBackend } from "../../testBackend";
import { createEditorStore } from "../editorStore";
import { newModelDocument, type ModelDoc } from "../model";
import { EvidenceContext } from "./evidenceContext";

export interface Applied {
  path: string;
  sourceId: string;
  title: string;
  evidence: Evidence;
}

export function modelWithAbandon(): ModelDoc {
  const doc = newModelDocument();
  const journey = (doc.journeys as { steps: Record<string, unknown>[] }[])[0]!;
  journey.steps[0] = { ...journey.steps[0], abandon: { "*legitimate": 0.01, "*": 0 } };
  return doc;
}

/** Renders `ui(store)` in an editor's providers; `applied` lists applyEvidence calls, each
 * answered with the document plus a marker source. */
export function renderInEditor(ui: (store: ReturnType<typeof createEditorStore>) => ReactElement) {
  const applied: Applied[] = [];
  const backend = {
    ...sampleQuantityBackend(),
    async applyEvidence(document: unknown, path: string, sourceId: string, title: string, evidence: Evidence) {
      applied.push({ path, sourceId, title, evidence });
      const doc = document as ModelDoc;
      return JSON.stringify({ ...doc, sources: [{ id: sourceId, title }] });
    },
  };
  const store = createEditorStore(backend, modelWithAbandon(), null);
  const target = { document: () => store.getState().doc, replace: (doc: ModelDoc) => store.getState().apply(() => doc) };
  render(
    <BackendContext.Provider value={backend}>
      <EvidenceContext.Provider value={target}>{ui(store)}</EvidenceContext.Provider>
    </BackendContext.Provider>,
  );
  return { store, applied };
}
