import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import { detectBackend } from "./ipc";
import { createAppStore } from "./store";
import "./styles.css";

const backend = detectBackend();
const store = createAppStore(backend);
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} backendKind={backend.kind} />
    </StrictMode>,
  );
}
