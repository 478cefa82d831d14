import { useEffect, useState } from "react";

import { ModelScreen } from "./components/ModelScreen";
import { StartScreen } from "./components/StartScreen";
import { EditorScreen } from "./editor/Editor";
import { newModelDocument } from "./editor/model";
import { RecentFiles } from "./editor/RecentFiles";
import { useRecentFiles } from "./editor/useRecentFiles";
import type { AppStore } from "./store";
import { AppStoreContext, useAppState } from "./storeContext";

/** The whole UI, driven by `store` (which holds the backend). */
export function App({ store, backendKind }: { store: AppStore; backendKind: "tauri" | "mock" }) {
  return (
    <AppStoreContext.Provider value={store}>
      <Shell backendKind={backendKind} />
    </AppStoreContext.Provider>
  );
}

function Shell({ backendKind }: { backendKind: "tauri" | "mock" }) {
  const loadExamples = useAppState((s) => s.loadExamples);
  const modelShown = useAppState((s) => s.model.status !== "idle");
  const model = useAppState((s) => s.model);
  const backend = useAppState((s) => s.backend);
  const openModel = useAppState((s) => s.openModel);
  const [editing, setEditing] = useState<{ path: string | null; document: unknown } | null>(null);

  useEffect(() => {
    void loadExamples();
  }, [loadExamples]);

  // Every model opened (and every save, which reopens the model) goes to the recent files.
  const openedPath = model.status === "ready" ? model.data.path : null;
  const recentFiles = useRecentFiles(backend, openedPath);

  return (
    <div className="app" data-testid="app" data-backend={backendKind}>
      {/* Under the open editor (which covers the window) nothing is focusable or announced. */}
      <header className="topbar" inert={!!editing}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Journey Lab</span>
        </div>
        <span className="topbar-note">Monte Carlo simulation of customer-identity journeys</span>
        {backendKind === "mock" && (
          <span className="badge badge-muted" data-testid="mock-backend">
            mock backend
          </span>
        )}
        {!editing && (
          <span className="topbar-actions">
            {model.status === "ready" && (
              <button type="button" className="button" data-testid="open-editor" onClick={() => setEditing({ path: model.data.path, document: model.data.document })}>
                Edit model
              </button>
            )}
            <button type="button" className="button" data-testid="new-model" onClick={() => setEditing({ path: null, document: newModelDocument() })}>
              New model
            </button>
            <button
              type="button"
              className="button button-ghost"
              data-testid="open-file"
              title="Open a model file"
              onClick={() =>
                void backend
                  .pickOpenPath()
                  .then((path) => (path ? openModel(path) : undefined))
                  .catch(() => undefined)
              }
            >
              Open…
            </button>
          </span>
        )}
      </header>
      <main className="content" inert={!!editing}>
        {modelShown ? (
          <ModelScreen />
        ) : (
          <>
            <RecentFiles files={recentFiles} onOpen={(path) => void openModel(path)} />
            <StartScreen />
          </>
        )}
      </main>
      {editing && (
        <EditorScreen
          backend={backend}
          document={editing.document}
          path={editing.path}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void openModel(saved);
          }}
        />
      )}
    </div>
  );
}
