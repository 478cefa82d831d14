import { useEffect, useState } from "react";

import type { Backend } from "../ipc";

/**
 * The recent model files, newest first, kept by the always-mounted shell: loaded once,
 * and `openedPath` (the model shown, after an open or a save) is put first whenever it
 * changes. Kept above the screens so that returning to the start screen shows the list
 * at once — a list that loaded after the example cards would push them down under the
 * pointer.
 */
export function useRecentFiles(backend: Backend, openedPath: string | null): string[] {
  const [files, setFiles] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    const update = openedPath ? backend.recordRecentFile(openedPath) : backend.recentFiles();
    update.then((list) => live && setFiles(list)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [backend, openedPath]);
  return files;
}
