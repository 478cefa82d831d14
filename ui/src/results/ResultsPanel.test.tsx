// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { App } from "../App";
import { createMockBackend, sampleData } from "../ipc";
import { createAppStore } from "../store";

afterEach(cleanup);

async function openSignIn() {
  const data = sampleData();
  const signIn = data.models.find((m) => m.path.endsWith("consumer-sign-in.json"));
  if (signIn) signIn.document = { scenarios: [{ id: "stronger_mfa", name: "Stronger MFA" }] };
  const backend = createMockBackend(data);
  const store = createAppStore(backend);
  render(<App store={store} backendKind={backend.kind} />);
  fireEvent.click(await screen.findByTestId("open-example-consumer-sign-in"));
  return screen.findByTestId("run-panel");
}

describe("results panel", () => {
  it("runs a model and shows headline cards, guardrails, comparison and history", async () => {
    await openSignIn();
    expect(await screen.findByTestId("history-empty")).toBeTruthy();
    const seed = screen.getByTestId("run-seed") as HTMLInputElement;
    expect(seed.value).toMatch(/^\d+$/);
    fireEvent.change(screen.getByTestId("run-iterations"), { target: { value: "2000" } });
    fireEvent.click(screen.getByTestId("run-start"));
    const dashboard = await screen.findByTestId("dashboard");
    expect(screen.getByTestId("run-status").textContent).toMatch(/4,000 of 4,000 iterations \(2 scenarios × 2,000\)/);
    const card = within(dashboard).getByTestId("card-legit_success_rate");
    expect(card.dataset.mean).toBe("0.9412");
    expect(within(card).getByTestId("card-mean").textContent).toBe("94.12 %");
    expect(within(dashboard).getByTestId("card-fraud_loss").textContent).toContain("$182,400");
    expect(within(dashboard).getByTestId("guardrail-fraud_loss_cap").dataset.met).toBe("false");
    expect(within(dashboard).getByTestId("scenario-line-stronger_mfa").textContent).toMatch(/41 % less fraud loss/);
    expect(within(dashboard).getByTestId("delta-stronger_mfa-net_value").dataset.clear).toBe("false");
    expect(within(dashboard).getByTestId("delta-stronger_mfa-fraud_loss").className).toContain("delta-better");
    const rows = await screen.findAllByTestId("history-row");
    expect(rows.map((r) => r.dataset.status)).toEqual(["finished"]);
    fireEvent.click(within(dashboard).getByTestId("scenario-tab-stronger_mfa"));
    expect(within(dashboard).getByTestId("cards").dataset.scenario).toBe("stronger_mfa");

    // A second run, then the two compared.
    fireEvent.click(screen.getByTestId("run-start"));
    await screen.findByTestId("history-compare-2");
    fireEvent.click(screen.getByTestId("history-compare-1"));
    fireEvent.click(screen.getByTestId("history-compare-2"));
    fireEvent.click(screen.getByTestId("history-compare-go"));
    const pair = await screen.findByTestId("run-pair");
    expect(pair.dataset.paired).toBe("true");
    expect(within(pair).getByTestId("pair-legit_success_rate").dataset.delta).toBe("0");
  });

  it("refuses bad settings with a reason", async () => {
    await openSignIn();
    fireEvent.change(screen.getByTestId("run-seed"), { target: { value: "abc" } });
    expect(screen.getByTestId("run-problem").textContent).toMatch(/seed/);
    expect((screen.getByTestId("run-start") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the sensitivity of a run: a tornado of at most 15 bars, drivers and correlations", async () => {
    await openSignIn();
    fireEvent.click(screen.getByTestId("run-start"));
    const dashboard = await screen.findByTestId("dashboard");
    fireEvent.click(within(dashboard).getByTestId("sensitivity-open"));
    const view = await screen.findByTestId("sensitivity-view");
    expect(view.dataset.metric).toBe("fraud_loss");
    expect(within(view).getAllByTestId("tornado-bar")).toHaveLength(15);
    expect(within(view).getAllByTestId("sensitivity-driver")[0]?.textContent).toMatch(/^Fraud loss is most sensitive to/);
    const rows = within(view).getAllByTestId("correlation-row");
    expect(rows).toHaveLength(18);
    expect(rows[0]?.textContent).toContain("+0.91");
    fireEvent.change(within(dashboard).getByTestId("sensitivity-metric"), { target: { value: "net_value" } });
    expect((await screen.findByTestId("sensitivity-view")).dataset.metric).toBe("net_value");
  });

  it("offers stop on precision: iterations become the maximum, a bad tolerance blocks the run", async () => {
    await openSignIn();
    const panel = screen.getByTestId("run-panel");
    expect(panel.textContent).toContain("Iterations");
    expect((screen.getByTestId("run-precision-tolerance") as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId("run-precision"));
    expect(panel.textContent).toContain("Maximum iterations");
    fireEvent.change(screen.getByTestId("run-precision-tolerance"), { target: { value: "0" } });
    expect(screen.getByTestId("run-problem").textContent).toMatch(/above 0/);
    fireEvent.change(screen.getByTestId("run-precision-tolerance"), { target: { value: "2" } });
    expect(screen.queryByTestId("run-problem")).toBeNull();
    // The history marks a run that stopped on precision with its maximum.
    fireEvent.change(screen.getByTestId("run-iterations"), { target: { value: "5000" } });
    fireEvent.click(screen.getByTestId("run-start"));
    await screen.findByTestId("dashboard");
    const marked = await screen.findByTestId("history-precision");
    expect(marked.textContent).toContain("of ≤5,000 (precise)");
  });
});
