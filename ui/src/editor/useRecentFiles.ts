import { useEffect, useRef, useState } from "react";

import type { Backend } from "../ipc";

/**
 * The recent model files, newest first, kept by the always-mounted shell: loaded once,
 * and `openedPath` (the model shown, after an open or a save) is put first whenever it
 * is set. Kept above the screens so that returning to the start screen shows the list
 * at once — a list that loaded after the example cards would push them down under the
 * pointer.
 */
export function useRecentFiles(backend: Backend, openedPath: string | null): string[] {
  const [files, setFiles] = useState<string[]>([]);
  // Every answer is a whole list; the answer to the newest request wins, whatever order
  // they arrive in. Leaving a model (`openedPath` back to null) neither re-reads nor drops
  // the answer to its recording, so the list can never go back to before the open.
  const issued = useRef(0);
  const applied = useRef(0);
  const request = (update: Promise<string[]>) => {
    const mine = ++issued.current;
    update
      .then((list) => {
        if (mine > applied.current) {
          applied.current = mine;
          setFiles(list);
        }
      })
      .catch(() => undefined);
  };
  useEffect(() => {
    request(backend.recentFiles());
  }, [backend]);
  useEffect(() => {
    if (openedPath) request(backend.recordRecentFile(openedPath));
  }, [backend, openedPath]);
  return files;
}
