import { useEffect } from "react";

import { ModelScreen } from "./components/ModelScreen";
import { StartScreen } from "./components/StartScreen";
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

  useEffect(() => {
    void loadExamples();
  }, [loadExamples]);

  return (
    <div className="app" data-testid="app" data-backend={backendKind}>
      <header className="topbar">
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
      </header>
      <main className="content">{modelShown ? <ModelScreen /> : <StartScreen />}</main>
    </div>
  );
}
