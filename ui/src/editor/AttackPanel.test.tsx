// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { createMockBackend, type Backend, type RoutesView } from "../ipc";
import { ROUTES_SAMPLE } from "../ipc/gen/samples";
import { AttackPanel } from "./AttackPanel";
import { createAttackStore, highlightOf } from "./attackStore";
import { createEditorStore } from "./editorStore";
import { createFlowStore } from "./flowStore";
import type { ModelDoc } from "./model";
import { exclusiveOverlays } from "./overlays";

afterEach(cleanup);

// The mock backend serves the engine's answer for this fixture (ROUTES_SAMPLE).
const files = import.meta.glob("../../../fixtures/consumer-identity.json", { eager: true, import: "default" }) as Record<string, ModelDoc>;
const fixture = () => structuredClone(Object.values(files)[0]!);
const baseline = ROUTES_SAMPLE.baseline;

function setup(doc: ModelDoc = fixture(), path: string | null = null, backend: Backend = createMockBackend({ models: [] })) {
  const store = createEditorStore(backend, doc, path);
  const flow = createFlowStore(backend);
  const attack = createAttackStore(backend);
  const closed: number[] = [];
  const view = render(<AttackPanel store={store} attack={attack} flow={flow} onClose={() => closed.push(1)} />);
  return { backend, store, flow, attack, view, closed };
}

const panel = () => screen.getByTestId("attack-panel");
const ready = (scenario = "baseline") =>
  waitFor(() => {
    expect(panel().getAttribute("data-status")).toBe("ready");
    expect(panel().getAttribute("data-scenario")).toBe(scenario);
  });

describe("attack surface panel", () => {
  it("computes the routes of the edited document with the default seed and says how", async () => {
    let asked: [string, string, number] | null = null;
    const backend = createMockBackend({ models: [] });
    const spy: Backend = {
      ...backend,
      documentRoutes: (doc, scenario, seed, iterations) => {
        asked = [scenario, seed, iterations];
        return backend.documentRoutes(doc, scenario, seed, iterations);
      },
    };
    setup(fixture(), null, spy);
    await ready();
    expect(asked).toEqual(["baseline", "1", 1000]);
    expect(screen.getByTestId("attack-seed-note").textContent).toMatch(/default seed/);
    // The panel states the answer's seed and iterations (the mock's sample: 24680, 200).
    expect(screen.getByTestId("attack-mode").textContent).toBe("Expected mode, 200 iterations, seed 24680");
    expect(panel().getAttribute("data-seed")).toBe(baseline.seed);
    expect(panel().getAttribute("data-iterations")).toBe(String(baseline.iterations));
  });

  it("takes the seed of the newest finished run of the file", async () => {
    const path = "mock/consumer-identity.json";
    const backend = createMockBackend({ models: [] });
    await backend.saveModelFile(path, JSON.stringify(fixture()));
    await backend.startRun({ path, iterations: 50, seed: "77", mode: "expected", sampling: "mc", scenarios: [], precision: [] }, () => undefined);
    const { flow, attack } = setup(fixture(), path, backend);
    await act(() => flow.getState().loadRun(path));
    await waitFor(() => expect(attack.getState().seed).toBe("77"));
    expect(screen.getByTestId("attack-seed-note").textContent).toMatch(/the seed of run #1/);
    // A typed seed wins over the run's.
    fireEvent.change(screen.getByTestId("attack-seed"), { target: { value: "5" } });
    expect(attack.getState().seedSource).toEqual({ from: "typed" });
    fireEvent.change(screen.getByTestId("attack-seed"), { target: { value: "x" } });
    expect(screen.getByTestId("attack-seed-note").textContent).toMatch(/whole number/);
  });

  it("lists populations attackers first and ranks the chosen one's routes; the main route is marked", async () => {
    setup();
    await ready();
    const select = screen.getByTestId("attack-population") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["cs_bots", "sim_swappers", "fake_signups", "customers"]);
    expect(select.value).toBe("cs_bots");
    fireEvent.change(select, { target: { value: "sim_swappers" } });
    const main = baseline.report.main_routes.find((m) => m.population === "sim_swappers")!;
    const rows = within(screen.getByTestId("attack-routes")).getAllByRole("button");
    expect(rows[0]!.getAttribute("data-main")).toBe("true");
    expect(rows[0]!.getAttribute("data-route")).toBe(main.route);
    expect(rows[0]!.getAttribute("data-journey")).toBe(main.journey);
    expect(Number(rows[0]!.getAttribute("data-p"))).toBe(main.p);
    expect(rows[0]!.getAttribute("data-testid")).toBe("attack-route-sign_in-0");
    expect(rows[0]!.textContent).toContain("main");
    expect(rows.filter((r) => r.getAttribute("data-main") === "true")).toHaveLength(1);
    const successes = rows.map((r) => Number(r.getAttribute("data-successes")));
    expect([...successes].sort((a, b) => b - a)).toEqual(successes);
    expect(screen.getByTestId("attack-mass-recovery").textContent).toMatch(/through the desk/);
    // Customers: how they actually get in.
    fireEvent.change(select, { target: { value: "customers" } });
    expect(screen.getByTestId("attack-mass-recovery").getAttribute("data-desk")).toBe(
      String(baseline.report.journeys.find((j) => j.journey === "recovery")!.populations.find((p) => p.population === "customers")!.through_desk),
    );
  });

  it("lists the findings in the engine's order; the recovery-weaker one selects its route, shows its journey and what it grants", async () => {
    const { store, attack } = setup();
    await ready();
    const findings = baseline.report.findings;
    findings.forEach((f, i) => {
      const el = screen.getByTestId(`attack-finding-${i}`);
      expect(el.getAttribute("data-code")).toBe(f.code);
      expect(el.getAttribute("data-severity")).toBe(f.severity);
      expect(el.textContent).toContain(f.severity.toUpperCase());
    });
    const weaker = findings.find((f) => f.code === "recovery_weaker")!;
    expect(store.getState().journeyId).toBe("registration");
    fireEvent.click(screen.getByTestId(`attack-finding-${findings.indexOf(weaker)}`));
    expect(attack.getState().selected).toEqual({ journey: "recovery", key: weaker.route });
    expect(store.getState().journeyId).toBe("recovery");
    expect(screen.getByTestId(`attack-finding-${findings.indexOf(weaker)}`).getAttribute("aria-pressed")).toBe("true");
    // The row of the route is pressed too (the finding concerns SIM-swappers: shown now).
    expect(attack.getState().population).toBe("sim_swappers");
    const row = screen.getAllByRole("button").find((b) => b.getAttribute("data-route") === weaker.route && b.getAttribute("data-journey") === "recovery")!;
    expect(row.getAttribute("aria-pressed")).toBe("true");
    // The canvas of recovery draws it; another journey's canvas does not.
    const h = highlightOf(attack.getState(), store.getState().doc, "recovery")!;
    expect([...h.edges.keys()]).toEqual(["start:next", "choose_method:to.1", "sms_code:on.pass", "new_password:next", "notify:next"]);
    expect(highlightOf(attack.getState(), store.getState().doc, "sign_in")).toBeNull();
    const restores = screen.getByTestId("attack-restores");
    expect(restores.textContent).toContain("grants the access of Sign-in");
    fireEvent.click(screen.getByTestId("attack-go-restored"));
    expect(store.getState().journeyId).toBe("sign_in");
    fireEvent.click(screen.getByTestId("attack-go-route"));
    expect(store.getState().journeyId).toBe("recovery");
    // Clicking the selected row again deselects.
    fireEvent.click(row);
    expect(attack.getState().selected).toBeNull();
    expect(screen.queryByTestId("attack-selected")).toBeNull();
  });

  it("shows the access table: recovery weaker than the sign-in it restores", async () => {
    setup();
    await ready();
    const table = screen.getByTestId("attack-access");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Journey",
      "Kind",
      "Restores",
      "Required",
      "Weakest route",
    ]);
    expect(screen.getByTestId("attack-access-attackers-sign_in").textContent).toMatch(
      /^Attackers' successes a month: Credential-stuffing bots \(breached passwords\) [\d,.]+ · SIM-swappers \(targeted account takeover\) [\d,.]+$/,
    );
    const recovery = screen.getByTestId("attack-access-recovery");
    expect(recovery.getAttribute("data-weaker")).toBe("true");
    expect(recovery.textContent).toContain("Reset code by SMS");
    expect(recovery.textContent).toContain("AAL1");
    expect(recovery.textContent).toContain("weaker than Sign-in (AAL2)");
    expect(recovery.textContent).toMatch(/Attackers' successes a month: SIM-swappers \(targeted account takeover\) [\d.]+$/);
    expect(screen.getByTestId("attack-access-sign_in").getAttribute("data-weaker")).toBeNull();
  });

  it("a scenario shows its changes (attackers first, eight and how many more) and loses the finding", async () => {
    setup();
    await ready();
    expect(screen.queryByTestId("attack-changes")).toBeNull();
    fireEvent.change(screen.getByTestId("attack-scenario"), { target: { value: "recovery_document_check" } });
    await ready("recovery_document_check");
    const changes = screen.getByTestId("attack-changes");
    const fixed = ROUTES_SAMPLE.fixed;
    expect(within(changes).getAllByRole("listitem")).toHaveLength(8);
    expect(screen.getByTestId("attack-change-0").textContent).toContain("closes the route “Reset code by SMS” of Account recovery for SIM-swappers");
    expect(screen.getByTestId("attack-change-0").getAttribute("data-kind")).toBe("closed");
    const more = screen.getByTestId("attack-changes-more");
    expect(more.textContent).toBe(`${fixed.changes.length - 8} more`);
    fireEvent.click(more);
    expect(within(changes).getAllByRole("listitem")).toHaveLength(fixed.changes.length);
    expect(screen.getByTestId("attack-finding-changes").textContent).toMatch(/^resolved: Account recovery grants the access of Sign-in/);
    const codes = fixed.report.findings.map((_, i) => screen.getByTestId(`attack-finding-${i}`).getAttribute("data-code"));
    expect(codes).not.toContain("recovery_weaker");
    expect(screen.getByTestId("attack-access-recovery").getAttribute("data-weaker")).toBeNull();
  });

  it("shows the backend's error for a model it cannot compute", async () => {
    const doc = fixture();
    doc.journeys = doc.journeys!.slice(0, 1);
    setup(doc);
    const error = await screen.findByTestId("attack-error");
    expect(error.textContent).toMatch(/attack routes are computed by the engine/);
    expect(panel().getAttribute("data-status")).toBe("error");
    expect(screen.queryByTestId("attack-routes")).toBeNull();
  });

  it("recomputes after an edit and takes the route off the canvas when it closes", async () => {
    const { store, attack, view } = setup();
    await ready();
    fireEvent.click(screen.getByTestId("attack-finding-0"));
    expect(attack.getState().selected).not.toBeNull();
    act(() => store.getState().apply((d) => ({ ...d, name: "Edited" })));
    await waitFor(() => expect(panel().getAttribute("data-status")).toBe("loading"));
    await ready();
    view.unmount();
    expect(attack.getState().selected).toBeNull();
  });
});

describe("attack store", () => {
  it("ignores an answer to an older request", async () => {
    const answers: ((v: RoutesView) => void)[] = [];
    const backend = { documentRoutes: () => new Promise<RoutesView>((resolve) => answers.push(resolve)) } as unknown as Backend;
    const attack = createAttackStore(backend);
    const first = attack.getState().compute(fixture());
    attack.getState().setScenario("recovery_document_check");
    const second = attack.getState().compute(fixture());
    answers[1]!(ROUTES_SAMPLE.fixed);
    await second;
    answers[0]!(ROUTES_SAMPLE.baseline);
    await first;
    expect(attack.getState().view?.scenario).toBe("recovery_document_check");
    expect(attack.getState().population).toBe("cs_bots");
  });

  it("the flow overlay and the route highlight turn each other off", () => {
    const backend = createMockBackend({ models: [] });
    const flow = createFlowStore(backend);
    const attack = createAttackStore(backend);
    const off = exclusiveOverlays(flow, attack);
    flow.getState().choose("customers");
    attack.getState().select({ journey: "recovery", key: "k" });
    expect(flow.getState().population).toBeNull();
    flow.getState().choose("cs_bots");
    expect(attack.getState().selected).toBeNull();
    off();
    attack.getState().select({ journey: "recovery", key: "k" });
    expect(flow.getState().population).toBe("cs_bots");
  });
});
