// The backend that talks to the desktop shell. Each method invokes one command of the
// generated table (`gen/commands.ts`): the name, the argument object and the answer are
// typed from Rust, so a renamed command or field fails the type check here.
import { Channel, invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";

import type { Backend } from "./backend";
import { toErrorPayload } from "./errors";
import type { CommandName, Commands, ExportFormat } from "./gen";

/** Invokes command `name` with its argument object; rejections become `ErrorPayload`s. */
async function call<K extends CommandName>(
  name: K,
  args: Commands[K]["args"],
  onEvent?: (event: Commands[K]["event"]) => void,
): Promise<Commands[K]["output"]> {
  const payload: Record<string, unknown> = { args };
  if (onEvent) {
    const channel = new Channel<Commands[K]["event"]>();
    channel.onmessage = onEvent;
    payload.onEvent = channel;
  }
  try {
    return await invoke<Commands[K]["output"]>(name, payload);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

async function dialog<T>(show: () => Promise<T>): Promise<T> {
  try {
    return await show();
  } catch (error) {
    throw toErrorPayload(error);
  }
}

const MODEL_FILTERS = [{ name: "Journey Lab model", extensions: ["json"] }];

const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  json: { name: "Result document (JSON)", extensions: ["json"] },
  csv: { name: "Summaries (CSV)", extensions: ["csv"] },
  png: { name: "Comparison chart (PNG)", extensions: ["png"] },
  svg: { name: "Comparison chart (SVG)", extensions: ["svg"] },
};

/** The real shell (commands registered from `journeylab_app::ipc` in src-tauri). */
export const tauriBackend: Backend = {
  kind: "tauri",
  listExamples: () => call("list_examples", {}),
  openModel: (path) => call("open_model", { path }),
  validateDocument: (json) => call("validate_document", { json }),
  saveModelFile: (path, json) => call("save_model_file", { path, json }),
  modelHistory: (path) => call("model_history", { path }),
  modelVersionText: (path, version) => call("model_version_text", { path, version }),
  recentFiles: () => call("recent_files", {}),
  recordRecentFile: (path) => call("record_recent_file", { path }),
  describeQuantity: (quantity, domain) => call("describe_quantity", { quantity, domain }),
  whatIf: (document, iterations, seed) => call("what_if", { json: JSON.stringify(document), iterations, seed }),
  exploreGate: (document, gate, allowBelow, blockAtOrAbove, iterations, seed) =>
    call("explore_gate", {
      json: JSON.stringify(document),
      gate,
      allow_below: allowBelow,
      block_at_or_above: blockAtOrAbove,
      iterations,
      seed,
    }),
  startRun: (request, onProgress) => call("start_run", request, onProgress),
  cancelRun: () => call("cancel_run", {}),
  listRuns: (path) => call("list_runs", { path }),
  runDashboard: (runId) => call("run_dashboard", { run_id: runId }),
  runChart: (runId, kind, options = {}) =>
    call("run_chart", {
      run_id: runId,
      kind,
      metric: options.metric ?? null,
      scenarios: options.scenarios ?? null,
      journey: options.journey ?? null,
    }),
  compareRuns: (a, b, scenario) => call("compare_runs", { a, b, scenario: scenario ?? null }),
  deleteRun: async (runId) => {
    await call("delete_run", { run_id: runId });
  },
  exportRun: async (runId, format, path) => {
    await call("export_run", { run_id: runId, format, path });
  },
  runFlows: (runId, journey, population) => call("run_flows", { run_id: runId, journey, population }),
  documentRoutes: (document, scenario, seed, iterations) =>
    call("document_routes", { json: JSON.stringify(document), scenario, seed, iterations }),
  runRoutes: (runId, scenario) => call("run_routes", { run_id: runId, scenario }),
  listCatalogue: () => call("list_catalogue", {}),
  fitObserved: (periods) => call("fit_observed", { periods }),
  elicit: (judgements, family) => call("elicit", { judgements, family }),
  applyEvidence: (document, path, sourceId, title, evidence) =>
    call("apply_evidence", { json: JSON.stringify(document), path, source_id: sourceId, title, evidence }),
  checkRun: (runId, csv) => call("check_run", { run_id: runId, csv }),
  runObservations: (runId) => call("run_observations", { run_id: runId }),
  importFunnel: (document, csv, prefix) => call("import_funnel", { json: JSON.stringify(document), csv, prefix }),
  runSensitivity: (runId, metric, scenario) => call("run_sensitivity", { run_id: runId, metric, scenario: scenario ?? null }),
  runPrecision: (runId) => call("run_precision", { run_id: runId }),
  requestDecision: (runId, scenario, name, note) => call("request_decision", { run_id: runId, scenario, name, note }),
  recordDecisionWord: (word) => call("record_decision_word", word),
  decisionRecord: (path, scenario) => call("decision_record", { path, scenario }),
  scenarioStatuses: (path) => call("scenario_statuses", { path }),
  exportDecisionPack: async (path, scenario, out) => {
    await call("export_decision_pack", { path, scenario, out });
  },
  listWorkshops: (path) => call("list_workshops", { path }),
  saveWorkshop: (workshop) => call("save_workshop", { workshop }),
  getWorkshop: (id) => call("get_workshop", { id }),
  deleteWorkshop: async (id) => {
    await call("delete_workshop", { id });
  },
  exportWorkshopSummary: (id, out) => call("export_workshop_summary", { id, out }),
  pickSummaryPath: (defaultName) =>
    dialog(async () => (await save({ defaultPath: defaultName, filters: [{ name: "Workshop summary (HTML)", extensions: ["html"] }] })) ?? null),
  pickOpenPath: () =>
    dialog(async () => {
      const chosen = await open({ multiple: false, directory: false, filters: MODEL_FILTERS });
      return typeof chosen === "string" ? chosen : null;
    }),
  pickSavePath: (defaultPath) => dialog(async () => (await save({ defaultPath, filters: MODEL_FILTERS })) ?? null),
  pickExportPath: (defaultName, format) =>
    dialog(async () => (await save({ defaultPath: defaultName, filters: [EXPORT_FILTERS[format]] })) ?? null),
  pickPackPath: (defaultName) =>
    dialog(async () => (await save({ defaultPath: defaultName, filters: [{ name: "Decision pack (HTML)", extensions: ["html"] }] })) ?? null),
};
