// Evidence in the browser preview and the UI tests. The fits are the engine's (there is
// no second implementation of the maths here): the mock answers with the engine's own
// fits of the generated sample's counts and judgements (gen/samples, loaded on first use)
// and says plainly that other inputs need the desktop app.
import type { Backend } from "./backend";
import type { ErrorPayload } from "./gen";

export type EvidenceBackend = Pick<Backend, "listCatalogue" | "fitObserved" | "elicit" | "applyEvidence" | "checkRun" | "runObservations" | "importFunnel">;

const unsupported = (what: string): ErrorPayload => ({
  code: "unsupported",
  message: `${what}: fits are computed by the engine; use the desktop app (the preview knows only its sample's counts and judgements).`,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createMockEvidenceBackend(): EvidenceBackend {
  return {
    async listCatalogue() {
      // The catalogue is data: the app's own listing of it, generated with the samples.
      const { CATALOGUE_SAMPLE } = await import("./gen/samples");
      return CATALOGUE_SAMPLE;
    },
    async fitObserved(periods) {
      const { EVIDENCE_SAMPLE } = await import("./gen/samples");
      const strip = (ps: typeof periods) => ps.map((p) => ({ n: p.n, k: p.k }));
      if (same(strip(periods), strip(EVIDENCE_SAMPLE.periods))) return EVIDENCE_SAMPLE.observed;
      throw unsupported("these counts");
    },
    async elicit(judgements, family) {
      const { EVIDENCE_SAMPLE } = await import("./gen/samples");
      const strip = (js: typeof judgements) => js.map((j) => j.quantiles);
      if (family === EVIDENCE_SAMPLE.family && same(strip(judgements), strip(EVIDENCE_SAMPLE.judgements)))
        return EVIDENCE_SAMPLE.elicitation;
      throw unsupported("these judgements");
    },
    async applyEvidence() {
      throw unsupported("applying a fit");
    },
    async checkRun() {
      throw unsupported("checking a run");
    },
    async runObservations() {
      throw unsupported("the counts a run's model keeps");
    },
    async importFunnel() {
      throw unsupported("importing a funnel");
    },
  };
}
