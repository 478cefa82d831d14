// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { App } from "./App";
import { createMockBackend, sampleData } from "./ipc";
import { createAppStore } from "./store";

afterEach(cleanup);

function renderApp(backend = createMockBackend()) {
  const store = createAppStore(backend);
  render(<App store={store} backendKind={backend.kind} />);
  return store;
}

describe("start screen", () => {
  it("lists every example with name, description, journey count and badge", async () => {
    renderApp();
    const list = await screen.findByTestId("example-list");
    const items = within(list).getAllByTestId("example-item");
    expect(items.map((i) => i.dataset.file)).toEqual([
      "broken-recovery.json",
      "consumer-sign-in.json",
    ]);
    const signIn = items[1]!;
    expect(within(signIn).getByTestId("example-name").textContent).toBe("Consumer sign-in");
    expect(within(signIn).getByTestId("example-description").textContent).toMatch(/one-time code/);
    expect(within(signIn).getByTestId("example-journey-count").textContent).toBe("2 journeys");
    expect(within(signIn).getByTestId("example-valid").dataset.valid).toBe("true");
    expect(within(items[0]!).getByTestId("example-valid").textContent).toBe("has errors");
    expect(within(items[0]!).getByTestId("example-journey-count").textContent).toBe("1 journey");
  });

  it("shows an empty state when there are no examples", async () => {
    renderApp(createMockBackend({ models: [] }));
    expect(await screen.findByTestId("example-empty")).toBeTruthy();
    expect(screen.queryByTestId("example-list")).toBeNull();
  });

  it("shows a listing error with its code and message", async () => {
    renderApp(createMockBackend({ models: [], listError: { code: "io", message: "no folder" } }));
    const error = await screen.findByTestId("error");
    expect(error.dataset.code).toBe("io");
    expect(within(error).getByTestId("error-code").textContent).toBe("io");
    expect(within(error).getByTestId("error-message").textContent).toBe("no folder");
  });
});

describe("model screen", () => {
  it("opens an example, shows its journeys, and goes back", async () => {
    renderApp();
    fireEvent.click(await screen.findByTestId("open-example-consumer-sign-in"));
    const list = await screen.findByTestId("journey-list");
    const ids = within(list)
      .getAllByTestId("journey-item")
      .map((i) => i.dataset.journeyId);
    expect(ids).toEqual(["sign_in", "change_email"]);
    expect(screen.getByTestId("model-name").textContent).toBe("Consumer sign-in");
    fireEvent.click(screen.getByTestId("back-to-examples"));
    expect(await screen.findByTestId("example-list")).toBeTruthy();
  });

  it("shows validation problems of an invalid model", async () => {
    renderApp();
    fireEvent.click(await screen.findByTestId("open-example-broken-recovery"));
    const issues = await screen.findByTestId("issue-list");
    expect(within(issues).getAllByTestId("issue-item")).toHaveLength(1);
  });

  it("shows an open error with its code and message", async () => {
    const data = sampleData();
    const path = data.models[0]!.path;
    data.openErrors = { [path]: { code: "invalid_model", message: "line 1: expected value" } };
    renderApp(createMockBackend(data));
    fireEvent.click(await screen.findByTestId("open-example-consumer-sign-in"));
    const error = await screen.findByTestId("error");
    expect(error.dataset.code).toBe("invalid_model");
    expect(within(error).getByTestId("error-message").textContent).toBe("line 1: expected value");
  });
});
