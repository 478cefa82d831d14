// The presenter's view of a running workshop (the main window): the agenda, the current
// item live (its numbers go to the audience window as they change), notes, the parking
// lot, the item's timer and the next item. Every change is saved to the workspace (the
// current item at once), so closing the app resumes here.
//
// Keyboard (outside text fields): → / PageDown next, ← / PageUp previous, T timer,
// R reveal (elicitation), B blank the audience screen.
import { useCallback, useEffect, useRef, useState } from "react";

import type { Backend, Slide, Workshop, WorkshopItem } from "../ipc";
import { presenterLink, toErrorPayload } from "../ipc";
import type { ModelDoc } from "../editor/model";
import { AudienceSlide } from "./AudienceSlide";
import { CompareItem } from "./items/CompareItem";
import { DecisionItem } from "./items/DecisionItem";
import { ElicitItem } from "./items/ElicitItem";
import type { ItemProps } from "./items/itemProps";
import { JourneyItem } from "./items/JourneyItem";
import { ThresholdsItem } from "./items/ThresholdsItem";
import { EMPTY_CONTENT, type SlideContent } from "./slides";
import { clock, KIND_WORDS, nowIso, replaceItem } from "./workshopModel";
import "./audience.css";
import "./workshop.css";

/** Saves wait this long for more changes (a typed note is one save, not one per key). */
const SAVE_DELAY_MS = 400;

function LiveItem(props: ItemProps) {
  switch (props.item.what.kind) {
    case "journey":
      return <JourneyItem {...props} />;
    case "compare":
      return <CompareItem {...props} />;
    case "thresholds":
      return <ThresholdsItem {...props} />;
    case "elicit":
      return <ElicitItem {...props} />;
    case "decision":
      return <DecisionItem {...props} />;
    case "notes":
      return <NotesItem {...props} />;
  }
}

function NotesItem({ item, show }: ItemProps) {
  const text = item.what.kind === "notes" ? item.what.text : "";
  useEffect(() => show({ numbers: [], lines: text.split("\n").filter((l) => l.trim() !== "") }, text), [text, show]);
  return <p className="meta">The audience reads the item's text.</p>;
}

export function Presenter({
  initial,
  doc,
  backend,
  onEnd,
}: {
  initial: Workshop;
  doc: ModelDoc;
  backend: Backend;
  onEnd(w: Workshop): void;
}) {
  const [w, setW] = useState<Workshop>(() => ({ ...initial, started_at: initial.started_at ?? nowIso(), ended_at: null }));
  const [link] = useState(presenterLink);
  const [blank, setBlank] = useState(false);
  const [running, setRunning] = useState(false);
  const [content, setContent] = useState<SlideContent>(EMPTY_CONTENT);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [parked, setParked] = useState("");
  const [summaryPath, setSummaryPath] = useState(() => initial.model_path.replace(/\.json$/, "") + "-workshop.html");
  const [written, setWritten] = useState<string[] | null>(null);
  const [audienceError, setAudienceError] = useState<string | null>(null);
  const seq = useRef(0);
  const lastCapture = useRef<string | null>(null);
  // The newest workshop, for handlers (every change goes through `update`, which sets it).
  const latest = useRef(w);
  const item: WorkshopItem | undefined = w.items[w.current];

  // Saving: debounced for edits, at once when asked (moving between items, ending).
  const saveTimer = useRef<number | null>(null);
  const saveNow = useCallback(
    async (x: Workshop) => {
      if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
      saveTimer.current = null;
      try {
        await backend.saveWorkshop(x);
        setSaveError(null);
      } catch (e) {
        setSaveError(toErrorPayload(e).message);
      }
    },
    [backend],
  );
  const update = useCallback(
    (f: (x: Workshop) => Workshop, immediately = false) => {
      const next = f(latest.current);
      latest.current = next;
      setW(next);
      if (immediately) void saveNow(next);
      else {
        if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
        saveTimer.current = window.setTimeout(() => void saveNow(latest.current), SAVE_DELAY_MS);
      }
    },
    [saveNow],
  );

  // The audience window opens with the workshop and asks for the slide when it is ready.
  useEffect(() => {
    link.open().catch((e: unknown) => setAudienceError(toErrorPayload(e).message));
    void saveNow(latest.current);
  }, [link, saveNow]);

  const slide: Slide | null = item
    ? {
        seq: 0,
        sentAt: 0,
        index: w.current,
        count: w.items.length,
        workshop: w.name,
        title: item.title,
        kind: KIND_WORDS[item.what.kind],
        blank,
        clock: clock(item.minutes, item.elapsed_seconds),
        ...content,
      }
    : null;
  const slideRef = useRef<Slide | null>(null);
  // Declared before the effect that sends: effects run in order, so it sends this render's slide.
  useEffect(() => {
    slideRef.current = slide;
  });
  const send = useCallback(() => {
    const s = slideRef.current;
    if (s) link.send({ ...s, seq: ++seq.current, sentAt: Date.now() });
  }, [link]);
  useEffect(send, [send, w.current, blank, content, item?.title, item?.elapsed_seconds]);
  useEffect(() => link.onRequest((r) => r === "ready" && send()), [link, send]);

  // What the room saw is kept once per view (the line the item gave), when it changes.
  const show = useCallback(
    (c: SlideContent, captured: string) => {
      setContent(c);
      if (captured && captured !== lastCapture.current) {
        lastCapture.current = captured;
        const at = latest.current.current;
        update((x) => replaceItem(x, at, { shown: [...(x.items[at]?.shown ?? []), { at: nowIso(), text: captured }] }));
      }
    },
    [update],
  );

  const go = useCallback(
    (to: number) => {
      const x = latest.current;
      if (to < 0 || to >= x.items.length || to === x.current) return;
      setContent(EMPTY_CONTENT);
      lastCapture.current = null;
      setRunning(false);
      update((y) => ({ ...y, current: to }), true);
    },
    [update],
  );

  // The item's timer.
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => {
      const at = latest.current.current;
      update((x) => replaceItem(x, at, { elapsed_seconds: (x.items[at]?.elapsed_seconds ?? 0) + 1 }));
    }, 1000);
    return () => window.clearInterval(t);
  }, [running, update]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const x = latest.current;
      const key = e.key.toLowerCase();
      if (e.key === "ArrowRight" || e.key === "PageDown") go(x.current + 1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp") go(x.current - 1);
      else if (key === "t") setRunning((r) => !r);
      else if (key === "b") setBlank((b) => !b);
      else if (key === "r" && x.items[x.current]?.what.kind === "elicit") update((y) => replaceItem(y, y.current, { revealed: true }), true);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, update]);

  const end = async () => {
    const done = { ...latest.current, ended_at: nowIso() };
    await saveNow(done);
    await link.close().catch(() => undefined);
    onEnd(done);
  };

  const exportSummary = async () => {
    await saveNow(latest.current);
    try {
      setWritten(await backend.exportWorkshopSummary(latest.current.id ?? 0, summaryPath));
    } catch (e) {
      setSaveError(toErrorPayload(e).message);
    }
  };

  const next = w.items[w.current + 1];
  return (
    <section className="presenter" data-testid="presenter" data-current={w.current} data-workshop-id={w.id ?? ""}>
      <header className="presenter-bar">
        <h1 className="presenter-name">{w.name}</h1>
        <span className="meta" data-testid="presenter-position">
          Item {w.current + 1} of {w.items.length}
        </span>
        <button type="button" className="button" data-testid="presenter-prev" disabled={w.current === 0} onClick={() => go(w.current - 1)}>
          ← Previous
        </button>
        <button type="button" className="button button-primary" data-testid="presenter-next" disabled={w.current + 1 >= w.items.length} onClick={() => go(w.current + 1)}>
          Next →
        </button>
        <button type="button" className="button" data-testid="presenter-timer" aria-pressed={running} onClick={() => setRunning((r) => !r)}>
          {running ? "⏸ Stop timer" : "▶ Start timer"} · {item ? clock(item.minutes, item.elapsed_seconds) : ""}
        </button>
        <button type="button" className="button" data-testid="presenter-blank" aria-pressed={blank} onClick={() => setBlank((b) => !b)}>
          {blank ? "Show the screen" : "Blank the screen"}
        </button>
        <button type="button" className="button button-ghost" data-testid="presenter-audience" onClick={() => void link.open().catch((e: unknown) => setAudienceError(toErrorPayload(e).message))}>
          Audience window
        </button>
        <button type="button" className="button button-ghost" data-testid="presenter-end" onClick={() => void end()}>
          End workshop
        </button>
      </header>
      {(saveError || audienceError) && (
        <p className="field-note bad" role="alert" data-testid="presenter-error">
          {saveError ?? audienceError}
        </p>
      )}
      <div className="presenter-body">
        <nav className="presenter-agenda" aria-label="Agenda">
          <ol>
            {w.items.map((it, i) => (
              <li key={i}>
                <button type="button" className={`link${i === w.current ? " presenter-current" : ""}`} aria-current={i === w.current ? "step" : undefined} data-testid={`presenter-item-${i}`} onClick={() => go(i)}>
                  {it.title}
                </button>
                <span className="meta"> {it.minutes} min</span>
              </li>
            ))}
          </ol>
          <p className="meta presenter-keys">→ next · ← previous · T timer · R reveal · B blank</p>
        </nav>
        <div className="presenter-main" role="region" aria-label="Current item">
          {item && (
            <>
              <h2 className="section-title" data-testid="presenter-title">
                {item.title} <span className="meta">{KIND_WORDS[item.what.kind]}</span>
              </h2>
              <LiveItem
                key={w.current}
                item={item}
                doc={doc}
                modelPath={w.model_path}
                backend={backend}
                show={show}
                change={(c) => update((x) => replaceItem(x, x.current, c), true)}
              />
              <label className="field">
                Facilitator's notes (not shown to the room)
                <textarea rows={3} value={item.notes} data-testid="presenter-notes" onChange={(e) => update((x) => replaceItem(x, x.current, { notes: e.target.value }))} />
              </label>
              <form
                className="presenter-parking"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (parked.trim() === "") return;
                  update((x) => replaceItem(x, x.current, { parking: [...(x.items[x.current]?.parking ?? []), { at: nowIso(), text: parked.trim() }] }), true);
                  setParked("");
                }}
              >
                <label className="field">
                  Parking lot: an open question
                  <input value={parked} data-testid="presenter-park-text" onChange={(e) => setParked(e.target.value)} />
                </label>
                <button type="submit" className="button" data-testid="presenter-park">
                  Park it
                </button>
              </form>
              {item.parking.length > 0 && (
                <ul className="presenter-parked" data-testid="presenter-parked">
                  {item.parking.map((p, i) => (
                    <li key={i}>{p.text}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        <aside className="presenter-side" aria-label="On the audience screen and next">
          <h2 className="subsection-title">On the audience screen</h2>
          <div className="presenter-preview">
            <AudienceSlide slide={slide} testid="presenter-preview" />
          </div>
          <h2 className="subsection-title">Next</h2>
          <p data-testid="presenter-next-preview">{next ? `${next.title} · ${KIND_WORDS[next.what.kind]} · ${next.minutes} min` : "The end of the agenda."}</p>
          <h2 className="subsection-title">Summary</h2>
          <label className="field">
            file
            <input className="mono" value={summaryPath} data-testid="presenter-summary-path" onChange={(e) => setSummaryPath(e.target.value)} />
          </label>
          <div className="presenter-actions">
            <button type="button" className="button" data-testid="presenter-summary" onClick={() => void exportSummary()}>
              Export summary
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() =>
                void backend.pickSummaryPath(summaryPath).then((p) => {
                  if (p) setSummaryPath(p);
                })
              }
            >
              Choose…
            </button>
          </div>
          {written && (
            <ul className="meta" data-testid="presenter-summary-written">
              {written.map((f) => (
                <li key={f} className="mono">
                  {f}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}
