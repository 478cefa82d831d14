// Attack routes in the browser preview and the UI tests. There is no engine here, so the
// mock serves the engine's own answers for the consumer identity fixture (generated into
// gen/samples, loaded on first use so the app's bundle does not carry them) and says
// plainly that any other model needs the desktop app.
import type { Backend } from "./backend";
import type { ErrorPayload, RoutesView } from "./gen";

export type RoutesBackend = Pick<Backend, "documentRoutes" | "runRoutes">;

/** The model key (file stem) of the sample's fixture. */
export const ROUTES_SAMPLE_MODEL = "consumer-identity";

const unsupported = (what: string): ErrorPayload => ({
  code: "unsupported",
  message: `${what}: attack routes are computed by the engine; open the model in the desktop app (the preview knows only ${ROUTES_SAMPLE_MODEL}.json).`,
});

async function sampleView(scenario: string): Promise<RoutesView | null> {
  const { ROUTES_SAMPLE } = await import("./gen/samples");
  if (scenario === ROUTES_SAMPLE.baseline.scenario) return ROUTES_SAMPLE.baseline;
  if (scenario === ROUTES_SAMPLE.fixed.scenario) return ROUTES_SAMPLE.fixed;
  return null;
}

function journeyIds(document: unknown): string[] {
  const journeys = (document as { journeys?: unknown })?.journeys;
  if (!Array.isArray(journeys)) return [];
  return journeys.map((j) => String((j as { id?: unknown })?.id ?? ""));
}

/**
 * `modelOfRun` names the model key of a stored run (the runs mock knows it), so a run of
 * another model is not shown the sample's routes.
 */
export function createMockRoutesBackend(modelOfRun: (runId: number) => Promise<string | undefined>): RoutesBackend {
  return {
    async documentRoutes(document, scenario) {
      const view = await sampleView(scenario);
      const same = view && journeyIds(document).join(",") === view.report.journeys.map((j) => j.journey).join(",");
      if (!view || !same) throw unsupported("this model");
      return view;
    },
    async runRoutes(runId, scenario) {
      const model = await modelOfRun(runId);
      const view = model === ROUTES_SAMPLE_MODEL ? await sampleView(scenario) : null;
      if (!view) throw unsupported(`run ${runId}`);
      return view;
    },
  };
}
