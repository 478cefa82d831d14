// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { createMockAnalysisBackend, createMockRunsBackend, type ErrorPayload, type RoutesView } from "../ipc";
import { ROUTES_SAMPLE } from "../ipc/gen/samples";
import { AttackFindings } from "./AttackFindings";
import { createResultsStore } from "./resultsStore";

afterEach(cleanup);

function storeAnswering(answer: (scenario: string) => RoutesView | ErrorPayload) {
  return createResultsStore(
    {
      ...createMockRunsBackend(),
      ...createMockAnalysisBackend(),
      documentRoutes: () => Promise.reject({ code: "unsupported", message: "not here" }),
      runRoutes: (_runId, scenario) => {
        const a = answer(scenario);
        return "report" in a ? Promise.resolve(a) : Promise.reject(a);
      },
    },
    "consumer-identity.json",
    [],
  );
}

describe("attack surface on the dashboard", () => {
  it("lists the scenario's findings and what it resolves and closes", async () => {
    const store = storeAnswering(() => ROUTES_SAMPLE.fixed);
    render(<AttackFindings store={store} runId={1} scenario="recovery_document_check" />);
    const section = await screen.findByTestId("run-attack");
    await within(section).findByTestId("run-attack-changes");
    expect(section.dataset.count).toBe(String(ROUTES_SAMPLE.fixed.report.findings.length));
    const changes = within(section).getByTestId("run-attack-changes").querySelectorAll("li");
    expect(changes[0]?.dataset.kind).toBe("resolved");
    expect(section.textContent).toContain(`seed ${ROUTES_SAMPLE.fixed.seed}`);
    // More than six lines: the rest behind "Show all".
    const all = within(section).getByTestId("run-attack-all");
    fireEvent.click(all);
    expect(within(section).queryByTestId("run-attack-all")).toBeNull();
    expect(within(section).getByTestId("run-attack-main-sim_swappers").textContent).toMatch(/^SIM-swappers/);
  });

  it("shows the baseline's findings with their severity words", async () => {
    const store = storeAnswering(() => ROUTES_SAMPLE.baseline);
    render(<AttackFindings store={store} runId={1} scenario="baseline" />);
    const first = await screen.findByTestId("run-attack-finding-0");
    expect(first.dataset.severity).toBe("high");
    expect(first.textContent).toMatch(/^High /);
    expect(screen.queryByTestId("run-attack-changes")).toBeNull();
  });

  it("says why when the routes cannot be read", async () => {
    const store = storeAnswering(() => ({ code: "run_failed", message: "run 1 has no result" }));
    render(<AttackFindings store={store} runId={1} scenario="baseline" />);
    const section = await screen.findByTestId("run-attack");
    await within(section).findByText(/run 1 has no result/);
    expect(section.dataset.status).toBe("failed");
  });
});
