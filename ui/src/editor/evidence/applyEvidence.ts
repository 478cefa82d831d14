// Writing a fit into the edited document, shared by both evidence dialogs: the engine
// replaces the quantity at the slash path and creates or updates the source that keeps
// the counts or judgements; the result replaces the document as one undoable edit.
import { toErrorPayload, type Backend, type Evidence } from "../../ipc";
import type { EvidenceTarget } from "./evidenceContext";
import { isValidId } from "./evidenceModel";

/** Applies `evidence` to the quantity at `path`, cited as source `sourceId` titled
 * `title`; what went wrong in words, or `null` once the document is replaced. */
export async function applyEvidenceTo(
  backend: Backend,
  target: EvidenceTarget,
  path: string,
  sourceId: string,
  title: string,
  evidence: Evidence,
): Promise<string | null> {
  if (!isValidId(sourceId)) return `“${sourceId}” is not a valid source id: use a-z, 0-9, _ and -`;
  try {
    const text = await backend.applyEvidence(target.document(), path, sourceId, title, evidence);
    target.replace(JSON.parse(text));
    return null;
  } catch (e) {
    return toErrorPayload(e).message;
  }
}
