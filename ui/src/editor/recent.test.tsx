// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { createMockBackend, type Backend } from "../ipc";
import { createEditorStore } from "./editorStore";
import { newModelDocument } from "./model";
import { RecentFiles } from "./RecentFiles";
import { useRecentFiles } from "./useRecentFiles";

afterEach(cleanup);

/** The shell's part: the hook keeps the list, the component shows it. */
function Recent({ backend, opened, onOpen }: { backend: Backend; opened: string | null; onOpen(path: string): void }) {
  return <RecentFiles files={useRecentFiles(backend, opened)} onOpen={onOpen} />;
}

describe("recent files", () => {
  it("a save puts the file first in the recent files, shown once and newest first; clicking opens it", async () => {
    const backend = createMockBackend({ models: [] });
    await backend.recordRecentFile("/models/a.json");
    const store = createEditorStore(backend, newModelDocument(), null);
    expect(await store.getState().save("/models/b.json")).toBe(true);
    await backend.recordRecentFile("/models/a.json");
    await vi.waitFor(async () => expect(await backend.recentFiles()).toEqual(["/models/a.json", "/models/b.json"]));
    const onOpen = vi.fn();
    render(<Recent backend={backend} opened={null} onOpen={onOpen} />);
    const second = await screen.findByTestId("recent-file-1");
    expect(second.textContent).toBe("b.json");
    fireEvent.click(second);
    expect(onOpen).toHaveBeenCalledWith("/models/b.json");
  });

  it("a model opened goes first in the list the shell keeps", async () => {
    const backend = createMockBackend({ models: [] });
    await backend.recordRecentFile("/models/a.json");
    const view = render(<Recent backend={backend} opened={null} onOpen={() => {}} />);
    expect((await screen.findByTestId("recent-file-0")).textContent).toBe("a.json");
    view.rerender(<Recent backend={backend} opened="/models/c.json" onOpen={() => {}} />);
    await vi.waitFor(() => expect(screen.getByTestId("recent-file-0").textContent).toBe("c.json"));
    expect(screen.getByTestId("recent-file-1").textContent).toBe("a.json");
  });

  it("keeps the answer to the newest request, and leaving a model keeps its entry", async () => {
    const answers: ((list: string[]) => void)[] = [];
    const backend: Backend = {
      ...createMockBackend({ models: [] }),
      recentFiles: () => new Promise<string[]>((resolve) => answers.push(resolve)),
      recordRecentFile: () => new Promise<string[]>((resolve) => answers.push(resolve)),
    };
    const view = render(<Recent backend={backend} opened={null} onOpen={() => {}} />);
    view.rerender(<Recent backend={backend} opened="/models/c.json" onOpen={() => {}} />);
    // Back to the start screen before either answer is in.
    view.rerender(<Recent backend={backend} opened={null} onOpen={() => {}} />);
    expect(answers).toHaveLength(2);
    answers[1]?.(["/models/c.json", "/models/a.json"]);
    answers[0]?.(["/models/a.json"]); // the older read arrives last: ignored
    await vi.waitFor(() => expect(screen.getByTestId("recent-file-0").textContent).toBe("c.json"));
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByTestId("recent-file-0").textContent).toBe("c.json");
  });

  it("shows nothing when there are no recent files", async () => {
    render(<Recent backend={createMockBackend({ models: [] })} opened={null} onOpen={() => {}} />);
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
