// The audience's view of one slide: the current item only, in large type, high contrast,
// no controls. Used full size in the audience window and scaled down in the presenter's
// preview.
import type { Slide } from "../ipc";

export function AudienceSlide({ slide, testid = "audience-slide" }: { slide: Slide | null; testid?: string }) {
  if (!slide) {
    return (
      <div className="audience-slide audience-waiting" data-testid={testid} data-index="-1">
        <p>Waiting for the presenter…</p>
      </div>
    );
  }
  if (slide.blank) {
    return <div className="audience-slide audience-blank" data-testid={testid} data-index={slide.index} data-blank="true" aria-label="Screen blanked by the presenter" />;
  }
  return (
    <div className="audience-slide" data-testid={testid} data-index={slide.index} data-seq={slide.seq} data-blank="false">
      <header className="audience-head">
        <span className="audience-kind">{slide.kind}</span>
        <span className="audience-progress">
          {slide.workshop} · {slide.index + 1} of {slide.count}
          {slide.clock ? ` · ${slide.clock}` : ""}
        </span>
      </header>
      <h1 className="audience-title" data-testid={`${testid}-title`}>
        {slide.title}
      </h1>
      {slide.numbers.length > 0 && (
        <div className="audience-numbers">
          {slide.numbers.map((n, i) => (
            <div key={i} className="audience-number" data-testid={`${testid}-number-${i}`} data-value={n.value}>
              <span className="audience-value">
                {n.tone === "good" ? "✓ " : n.tone === "bad" ? "✗ " : ""}
                {n.value}
              </span>
              <span className="audience-label">{n.label}</span>
              {n.interval && <span className="audience-interval">P5–P95 {n.interval}</span>}
            </div>
          ))}
        </div>
      )}
      {slide.lines.map((l, i) => (
        <p key={i} className="audience-line">
          {l}
        </p>
      ))}
      {slide.table && slide.table.rows.length > 0 && (
        <table className="audience-table">
          <caption>{slide.table.caption}</caption>
          <thead>
            <tr>
              {slide.table.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slide.table.rows.slice(0, 12).map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
