// The backend for components deep in a screen (the inspector's quantity plots): the
// editor provides it once instead of threading it through every panel.
import { createContext, useContext } from "react";

import type { Backend } from "./ipc";

export const BackendContext = createContext<Backend | null>(null);

/** The backend of the enclosing screen (`null` outside one: a plain component test). */
export function useBackend(): Backend | null {
  return useContext(BackendContext);
}
