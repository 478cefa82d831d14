// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterEach, describe, expect, it } from "vitest";

import { BackendContext } from "../backendContext";
import { createMockBackend } from "../ipc";
import { sampleQuantityBackend } from "../testBackend";
import { createEditorStore } from "./editorStore";
import { Inspector } from "./Inspector";
import { findJourney, newModelDocument } from "./model";
import { ControlsPanel } from "./ControlsPanel";
import { OwnersPanel } from "./OwnersPanel";
import { PopulationsPanel } from "./PopulationsPanel";
import { RiskSignalsPanel } from "./RiskSignalsPanel";

afterEach(cleanup);

const newStore = () => createEditorStore(createMockBackend({ models: [] }), newModelDocument(), null);

/** Renders `ui` inside an editor whose backend answers quantities as the engine does. */
function renderWithEngine(ui: ReactElement) {
  const backend = sampleQuantityBackend();
  render(<BackendContext.Provider value={backend}>{ui}</BackendContext.Provider>);
  return backend;
}

describe("panels", () => {
  it("edits entrants and the entry of the journey when no step is selected", () => {
    const store = newStore();
    render(<Inspector store={store} />);
    const fields = screen.getByTestId("journey-fields");
    fireEvent.change(within(fields).getByTestId("journey-name"), { target: { value: "Sign in" } });
    expect(findJourney(store.getState().doc, "journey")?.name).toBe("Sign in");
    fireEvent.change(within(fields).getByTestId("entrant-0-volume-dist"), { target: { value: "pert" } });
    const volume = findJourney(store.getState().doc, "journey")?.entrants as { volume: unknown }[];
    expect(volume[0]!.volume).toEqual({ pert: [500, 1000, 1500] });
    store.getState().undo();
    expect(findJourney(store.getState().doc, "journey")?.entrants).toEqual([{ population: "customers", volume: 1000 }]);
  });

  it("edits a step's quantity and shows the engine's mean of it", async () => {
    const store = newStore();
    store.getState().select(["start"]);
    const backend = renderWithEngine(<Inspector store={store} />);
    fireEvent.change(screen.getByTestId("q-seconds-dist"), { target: { value: "uniform" } });
    fireEvent.change(screen.getByTestId("q-seconds-p1"), { target: { value: "9" } });
    expect(findJourney(store.getState().doc, "journey")?.steps?.[0]?.seconds).toEqual({ uniform: [2.5, 9] });
    // The engine was asked about exactly the edited quantity, and its answer is shown.
    await waitFor(() => expect(screen.getByTestId("q-seconds-mean").textContent).toBe("5.75"));
    expect(backend.asked.at(-1)).toEqual({ uniform: [2.5, 9] });
    expect(screen.getByTestId("q-seconds-plot").querySelector("path")!.getAttribute("d")).toMatch(/^M0,44 L/);
  });

  it("says why the engine does not accept a quantity", async () => {
    const store = newStore();
    store.getState().select(["start"]);
    renderWithEngine(<Inspector store={store} />);
    fireEvent.change(screen.getByTestId("q-seconds-dist"), { target: { value: "triangular" } });
    fireEvent.change(screen.getByTestId("q-seconds-p0"), { target: { value: "5" } });
    fireEvent.change(screen.getByTestId("q-seconds-p1"), { target: { value: "1" } });
    fireEvent.change(screen.getByTestId("q-seconds-p2"), { target: { value: "9" } });
    await waitFor(() => expect(screen.getByTestId("q-seconds-problem").textContent).toMatch(/out of order/));
  });

  it("adds a population and sets its kind and value", () => {
    const store = newStore();
    render(<PopulationsPanel store={store} onClose={() => {}} />);
    fireEvent.click(screen.getByTestId("population-add"));
    const added = screen.getByTestId("population-population_1");
    fireEvent.change(within(added).getByDisplayValue("legitimate"), { target: { value: "attacker" } });
    expect(store.getState().doc.populations).toEqual([
      { id: "customers", name: "Customers", kind: "legitimate", value_per_success: 1 },
      { id: "population_1", kind: "attacker" },
    ]);
  });

  it("adds a control to the library and edits its pass rate per population", () => {
    const store = newStore();
    render(<ControlsPanel store={store} onClose={() => {}} />);
    fireEvent.click(screen.getByTestId("control-add"));
    fireEvent.change(screen.getByTestId("control-control_1-pass-*attacker-p0"), { target: { value: "0.2" } });
    expect(store.getState().doc.controls).toEqual([
      { id: "control_1", name: "New control", factor: "other", pass: { "*legitimate": 0.95, "*attacker": 0.2 } },
    ]);
  });

  it("adds a risk signal, edits a Beta parameter with undo, and redraws its density", async () => {
    const store = newStore();
    renderWithEngine(<RiskSignalsPanel store={store} onClose={() => {}} />);
    fireEvent.click(screen.getByTestId("signal-add"));
    const path = () => screen.getByTestId("signal-signal_1-*attacker-plot").querySelector("path")!.getAttribute("d");
    await waitFor(() => expect(path()).toMatch(/^M0,/));
    const before = path();
    fireEvent.change(screen.getByTestId("signal-signal_1-*attacker-a"), { target: { value: "9" } });
    expect(store.getState().doc.risk_signals).toEqual([
      { id: "signal_1", name: "New risk signal", score: { "*legitimate": { beta: [2, 8] }, "*attacker": { beta: [9, 3] } } },
    ]);
    await waitFor(() => expect(screen.getByTestId("signal-signal_1-*attacker-mean").textContent).toContain("0.75"));
    expect(path()).not.toBe(before);
    fireEvent.change(screen.getByTestId("signal-signal_1-*attacker-a"), { target: { value: "0" } });
    expect(screen.getByTestId("signal-signal_1-score-*attacker").textContent).toContain("a and b must be > 0");
    store.getState().undo();
    expect((store.getState().doc.risk_signals as unknown[]).length).toBe(1);
  });

  it("edits the accountable owner and a team's decision areas", () => {
    const store = newStore();
    render(<OwnersPanel store={store} onClose={() => {}} />);
    fireEvent.change(screen.getByTestId("owners-accountable"), { target: { value: "CISO" } });
    fireEvent.click(screen.getByTestId("team-add"));
    const teams = (store.getState().doc.owners as { teams: { id: string }[] }).teams;
    const id = teams[teams.length - 1]!.id;
    fireEvent.click(screen.getByTestId(`team-${id}-decides-risk_thresholds`));
    const owners = store.getState().doc.owners as { accountable: string; teams: { decides: string[] }[] };
    expect(owners.accountable).toBe("CISO");
    expect(owners.teams[owners.teams.length - 1]!.decides).toEqual(["risk_thresholds"]);
  });

  it("fills in the ownership matrix: a veto, members, a journey's owner and kind, with undo", () => {
    const store = newStore();
    render(<OwnersPanel store={store} onClose={() => {}} />);
    const owners = () => store.getState().doc.owners as { teams: Record<string, unknown>[] };
    const journey = () => findJourney(store.getState().doc, "journey")!;
    fireEvent.click(screen.getByTestId("team-add"));
    fireEvent.change(screen.getByTestId("team-team_1-name"), { target: { value: "Security" } });
    // Every area starts undecided, and the footer says so in words.
    expect(screen.getByTestId("matrix-footer-assurance").textContent).toContain("no team decides");
    expect(screen.getByTestId("owners-notes").textContent).toContain("Security has no members yet");

    // A cell to veto through its select (found by its accessible name).
    fireEvent.change(screen.getByRole("combobox", { name: "Security — assurance" }), { target: { value: "veto" } });
    expect(screen.getByTestId("matrix-team_1-assurance").dataset.state).toBe("veto");
    expect(owners().teams[0]).toEqual({ id: "team_1", name: "Security", decides: [], veto: ["assurance"] });
    expect(screen.getByTestId("matrix-footer-assurance").textContent).toContain("veto: Security");
    // From the keyboard: D decides.
    fireEvent.keyDown(screen.getByTestId("matrix-team_1-risk_thresholds-select"), { key: "d" });
    expect(screen.getByTestId("matrix-team_1-risk_thresholds").dataset.state).toBe("decides");
    expect(screen.getByTestId("matrix-footer-risk_thresholds").textContent).toBe("Security");
    // The old checkbox still toggles decides, and takes the veto away (exclusive states).
    fireEvent.click(screen.getByTestId("team-team_1-decides-assurance"));
    expect(screen.getByTestId("matrix-team_1-assurance").dataset.state).toBe("decides");
    expect(owners().teams[0]).toEqual({ id: "team_1", name: "Security", decides: ["risk_thresholds", "assurance"] });
    // Ctrl+Z from the cell undoes the click: back to veto.
    fireEvent.keyDown(screen.getByTestId("matrix-team_1-assurance-select"), { key: "z", ctrlKey: true });
    expect(screen.getByTestId("matrix-team_1-assurance").dataset.state).toBe("veto");
    expect(screen.getByTestId<HTMLInputElement>("team-team_1-decides-assurance").checked).toBe(false);

    // Members, typed as a list (the text stays as typed, trailing comma included).
    const members = screen.getByTestId<HTMLTextAreaElement>("team-team_1-members");
    fireEvent.change(members, { target: { value: "Alice, Head of Fraud\nBob, " } });
    expect(owners().teams[0]!.members).toEqual(["Alice", "Head of Fraud", "Bob"]);
    expect(members.value).toBe("Alice, Head of Fraud\nBob, ");
    expect(screen.queryByTestId("owners-notes")).toBeNull();

    // The journey's owner and kind.
    fireEvent.change(screen.getByTestId("journey-owner-journey"), { target: { value: "team_1" } });
    fireEvent.change(screen.getByTestId("journey-kind-journey"), { target: { value: "sign_in" } });
    expect(journey().owner).toBe("team_1");
    expect(journey().kind).toBe("sign_in");

    // Undo, one edit at a time: kind, owner, then the members (one typing step).
    act(() => store.getState().undo());
    expect("kind" in journey()).toBe(false);
    expect(screen.getByTestId<HTMLSelectElement>("journey-kind-journey").value).toBe("");
    act(() => store.getState().undo());
    expect("owner" in journey()).toBe(false);
    expect(screen.getByTestId<HTMLSelectElement>("journey-owner-journey").value).toBe("");
    act(() => store.getState().undo());
    expect("members" in owners().teams[0]!).toBe(false);
    expect(members.value).toBe("");
    expect(screen.getByTestId("owners-notes").textContent).toContain("Security has no members yet");
    expect(screen.getByTestId("matrix-team_1-assurance").dataset.state).toBe("veto");
  });
});
