import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import { detectBackend, isAudienceWindow } from "./ipc";
import { createAppStore } from "./store";
import { AudienceApp } from "./workshop/Audience";
import "./styles.css";

const root = document.getElementById("root");
if (root && isAudienceWindow()) {
  // A workshop's audience window: slides from the presenter, nothing else.
  document.title = "Journey Lab — audience";
  createRoot(root).render(
    <StrictMode>
      <AudienceApp />
    </StrictMode>,
  );
} else if (root) {
  const backend = detectBackend();
  const store = createAppStore(backend);
  createRoot(root).render(
    <StrictMode>
      <App store={store} backendKind={backend.kind} />
    </StrictMode>,
  );
}
