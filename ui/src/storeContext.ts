import { createContext, useContext } from "react";
import { useStore } from "zustand";

import type { AppState, AppStore } from "./store";

export const AppStoreContext = createContext<AppStore | null>(null);

/** Reads a slice of the app state from the store given to `<App store={..}>`. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error("useAppState outside <AppStoreContext.Provider>");
  return useStore(store, selector);
}
