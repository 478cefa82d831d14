// A modal dialog: labelled by its title, focus moved into it on opening (the first field)
// and kept inside while it is open (Tab and Shift+Tab wrap), Escape closes it, and focus
// goes back to what opened it.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, testid, onClose, children, wide }: { title: string; testid: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>("input, select, textarea") ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => opener?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== "Tab" || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="modal-backdrop evidence-backdrop">
      <div
        ref={box}
        className={`modal evidence-dialog${wide ? " evidence-dialog-wide" : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testid}
        onKeyDown={onKeyDown}
      >
        <div className="evidence-dialog-head">
          <h3 id={titleId}>{title}</h3>
          <button type="button" className="button button-ghost" aria-label="Close" data-testid={`${testid}-close`} onClick={() => close.current()}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
