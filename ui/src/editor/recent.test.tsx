// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { createMockBackend } from "../ipc";
import { createEditorStore } from "./editorStore";
import { newModelDocument } from "./model";
import { RecentFiles } from "./RecentFiles";

afterEach(cleanup);

describe("recent files", () => {
  it("a save puts the file first in the recent files, shown once and newest first; clicking opens it", async () => {
    const backend = createMockBackend({ models: [] });
    await backend.recordRecentFile("/models/a.json");
    const store = createEditorStore(backend, newModelDocument(), null);
    expect(await store.getState().save("/models/b.json")).toBe(true);
    await backend.recordRecentFile("/models/a.json");
    await vi.waitFor(async () => expect(await backend.recentFiles()).toEqual(["/models/a.json", "/models/b.json"]));
    const onOpen = vi.fn();
    render(<RecentFiles backend={backend} onOpen={onOpen} />);
    const second = await screen.findByTestId("recent-file-1");
    expect(second.textContent).toBe("b.json");
    fireEvent.click(second);
    expect(onOpen).toHaveBeenCalledWith("/models/b.json");
  });

  it("shows nothing when there are no recent files", async () => {
    render(<RecentFiles backend={createMockBackend({ models: [] })} onOpen={() => {}} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByTestId("recent-files")).toBeNull();
  });
});

describe("save as", () => {
  it("saves where the Save As dialog points, and nowhere when it is cancelled", async () => {
    const cancelled = createEditorStore(createMockBackend({ models: [] }), newModelDocument(), null);
    expect(await cancelled.getState().saveAs()).toBe(false);
    expect(cancelled.getState().path).toBeNull();
    const backend = createMockBackend({ models: [], dialogPath: "/models/chosen.json" });
    const store = createEditorStore(backend, newModelDocument(), null);
    expect(await store.getState().saveAs()).toBe(true);
    expect(store.getState().path).toBe("/models/chosen.json");
  });
});
