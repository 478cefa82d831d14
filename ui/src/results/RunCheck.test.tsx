// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { BackendContext } from "../backendContext";
import { createMockBackend, type CheckResult } from "../ipc";
import { RunCheck } from "./RunCheck";

afterEach(cleanup);

const near: CheckResult = {
  observation: { journey: "login", step: "otp", exit: "pass", population: "customers", n: 2000, k: 1160 },
  observed_rate: 0.58,
  simulated: { mean: 0.571, p5: 0.49, p95: 0.66 },
  lower_tail: 0.61,
  upper_tail: 0.41,
  p_value: 0.82,
  flagged: false,
};
const far: CheckResult = {
  observation: { ...near.observation, k: 60 },
  observed_rate: 0.03,
  simulated: near.simulated,
  lower_tail: 1e-40,
  upper_tail: 1,
  p_value: 2e-40,
  flagged: true,
};

function renderCheck(answer: (runId: number, csv: string) => Promise<CheckResult[]>, sourced?: string) {
  const asked: [number, string][] = [];
  const mock = createMockBackend({ models: [] });
  const backend = {
    ...mock,
    runObservations: sourced === undefined ? mock.runObservations : async () => sourced,
    checkRun: (runId: number, csv: string) => {
      asked.push([runId, csv]);
      return answer(runId, csv);
    },
  };
  render(
    <BackendContext.Provider value={backend}>
      <RunCheck runId={7} />
    </BackendContext.Provider>,
  );
  return asked;
}

const CSV = "journey,step,exit,population,n,k\nlogin,otp,pass,customers,2000,1160\nlogin,otp,pass,customers,2000,60\n";

describe("observed vs simulated", () => {
  it("checks the pasted CSV against the run and flags a disagreement in words", async () => {
    const asked = renderCheck(async () => [near, far]);
    fireEvent.change(screen.getByTestId("run-check-csv"), { target: { value: CSV } });
    fireEvent.click(screen.getByTestId("run-check-go"));
    const second = await screen.findByTestId("run-check-row-1");
    expect(asked).toEqual([[7, CSV]]);
    const first = screen.getByTestId("run-check-row-0");
    expect(first.dataset.flagged).toBe("false");
    expect(Number(first.dataset.p)).toBe(0.82);
    expect(first.textContent).toContain("login / otp → pass, customers");
    expect(first.textContent).toContain("58.0 %");
    expect(first.textContent).toContain("49.0 % – 66.0 %");
    expect(first.textContent).toContain("Consistent");
    expect(second.dataset.flagged).toBe("true");
    expect(Number(second.dataset.p)).toBe(2e-40);
    expect(second.textContent).toContain("Disagrees");
    expect(second.textContent).toContain("< 0.0001");
    expect(within(second).getByText(/the model disagrees with what was observed: 3.00 % is lower/i)).toBeTruthy();
    expect(screen.getByTestId("run-check-summary").textContent).toBe("1 of 2 observations disagree with the model (p < 0.05).");
  });

  it("loads the CSV from a file and shows the engine's reason for a bad one", async () => {
    renderCheck(async () => Promise.reject({ code: "invalid_model", message: "row 2: n `x` is not a whole number" }));
    const file = new File(["journey,step,exit,population,n,k\nlogin,otp,pass,customers,x,1\n"], "obs.csv", { type: "text/csv" });
    fireEvent.change(screen.getByTestId("run-check-file"), { target: { files: [file] } });
    await screen.findByDisplayValue(/login,otp,pass,customers,x,1/);
    fireEvent.click(screen.getByTestId("run-check-go"));
    expect((await screen.findByTestId("run-check-error")).textContent).toBe("row 2: n `x` is not a whole number");
    expect(screen.getByTestId("run-check").dataset.status).toBe("failed");
  });

  it("checks the counts the run's model keeps in its sources as soon as it opens", async () => {
    const kept = "journey,step,exit,population,n,k\nlogin,otp,pass,customers,2000,1160\n";
    const asked = renderCheck(async () => [near], kept);
    const row = await screen.findByTestId("run-check-row-0");
    expect(asked).toEqual([[7, kept]]);
    expect(row.dataset.flagged).toBe("false");
    expect(screen.getByTestId("run-check-sourced").dataset.count).toBe("1");
    expect((screen.getByTestId("run-check-csv") as HTMLTextAreaElement).value).toBe(kept.trim());
  });

  it("offers nothing when no source keeps counts", async () => {
    const asked = renderCheck(async () => [near], "journey,step,exit,population,n,k\n");
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([]);
    expect(screen.queryByTestId("run-check-sourced")).toBeNull();
    expect(screen.getByTestId("run-check").dataset.status).toBe("idle");
  });
});
