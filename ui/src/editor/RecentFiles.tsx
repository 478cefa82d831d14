/** The recent model files on the start screen, newest first; clicking one opens it. */
export function RecentFiles({ files, onOpen }: { files: string[]; onOpen(path: string): void }) {
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
