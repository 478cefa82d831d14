/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The desktop shell embeds ui/dist (tauri.conf.json "frontendDist"); no dev server is
// needed to run the app. `npm run dev` serves the UI in a plain browser with the mock
// backend (see src/ipc/).
export default defineConfig({
  plugins: [react()],
  // Relative asset URLs work both under tauri:// and in a static preview.
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
  },
});
