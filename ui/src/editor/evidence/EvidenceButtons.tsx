// The quantity editor's ways to fit a quantity from evidence: "From observed counts…"
// (probabilities) and "Elicit…" (any quantity). Offered only inside an editor, for a
// quantity whose slash path is known.
import { useEffect, useRef, useState } from "react";

import { useBackend } from "../../backendContext";
import { CountsDialog } from "./CountsDialog";
import { ElicitDialog } from "./ElicitDialog";
import { useEvidenceTarget } from "./evidenceContext";
import "./evidence.css";

export function EvidenceButtons({ path, value, probability }: { path: string; value: unknown; probability: boolean }) {
  const backend = useBackend();
  const target = useEvidenceTarget();
  const [open, setOpen] = useState<"counts" | "elicit" | null>(null);
  // Focus goes back to the button that opened a dialog (WebKit does not focus a clicked button).
  const countsButton = useRef<HTMLButtonElement>(null);
  const elicitButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef<"counts" | "elicit" | null>(null);
  useEffect(() => {
    if (wasOpen.current && open === null) (wasOpen.current === "counts" ? countsButton : elicitButton).current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!backend || !target) return null;
  return (
    <div className="evidence-buttons">
      {probability && (
        <button type="button" className="link" ref={countsButton} data-testid="evidence-counts-open" data-path={path} onClick={() => setOpen("counts")}>
          From observed counts…
        </button>
      )}
      <button type="button" className="link" ref={elicitButton} data-testid="elicit-open" data-path={path} onClick={() => setOpen("elicit")}>
        Elicit…
      </button>
      {open === "counts" && <CountsDialog path={path} value={value} onClose={() => setOpen(null)} />}
      {open === "elicit" && <ElicitDialog path={path} value={value} probability={probability} onClose={() => setOpen(null)} />}
    </div>
  );
}
