import { useEffect, useState } from "react";

import type { Backend } from "../ipc";

/** The recent model files on the start screen, newest first; clicking one opens it. */
export function RecentFiles({ backend, onOpen }: { backend: Backend; onOpen(path: string): void }) {
  const [files, setFiles] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    backend
      .recentFiles()
      .then((list) => live && setFiles(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [backend]);
  if (files.length === 0) return null;
  return (
    <section className="recent-files" data-testid="recent-files">
      <h3>Recent files</h3>
      <ul>
        {files.map((path, i) => (
          <li key={path}>
            <button type="button" className="link mono" data-testid={`recent-file-${i}`} title={path} onClick={() => onOpen(path)}>
              {path.split(/[\\/]/).pop()}
            </button>{" "}
            <span className="muted mono">{path}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
