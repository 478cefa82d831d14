// The presenter ↔ audience link of a workshop. In the desktop app the audience is a
// second Tauri window (label "audience", the same UI at `#audience`) and slides travel
// as Tauri events; in a plain browser (the preview, the UI tests) a BroadcastChannel
// between tabs does the same. Slides are UI-to-UI messages: nothing crosses to Rust.
import { isTauri } from "@tauri-apps/api/core";
import { emit, listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { WebviewWindow } from "@tauri-apps/api/webviewWindow";

/** One number for the room: a label, the value rounded for reading at a distance, and its interval. */
export interface SlideNumber {
  label: string;
  value: string;
  interval?: string;
  /** Whether the value is good news, bad news or neither (drawn with an icon and words, not colour alone). */
  tone?: "good" | "bad" | null;
}

/** What the audience window shows: the current item only, no controls. */
export interface Slide {
  /** Increases with every slide the presenter sends. */
  seq: number;
  /** `Date.now()` in the presenter when sent (the audience measures its delay from it). */
  sentAt: number;
  /** The item (0-based) and how many there are. */
  index: number;
  count: number;
  workshop: string;
  title: string;
  /** What kind of item, in words: "Journey", "Scenario comparison", … */
  kind: string;
  /** The presenter blanked the screen. */
  blank: boolean;
  numbers: SlideNumber[];
  lines: string[];
  table?: { caption: string; head: string[]; rows: string[][] };
  /** Minutes:seconds left of the item's time box ("over by 1:20" when past it). */
  clock?: string;
}

/** Messages from the audience to the presenter. */
export type AudienceRequest = "ready" | "closed";

const SLIDE = "workshop-slide";
const REQUEST = "workshop-audience";
export const AUDIENCE_LABEL = "audience";
export const AUDIENCE_HASH = "#audience";

/** The presenter's side. */
export interface PresenterLink {
  /** Opens (or focuses) the audience window. */
  open(): Promise<void>;
  send(slide: Slide): void;
  /** Calls `f` when the audience asks for the current slide (it just opened). */
  onRequest(f: (r: AudienceRequest) => void): () => void;
  /** Closes the audience window. */
  close(): Promise<void>;
}

/** The audience's side. */
export interface AudienceLink {
  onSlide(f: (slide: Slide) => void): () => void;
  request(r: AudienceRequest): void;
  toggleFullscreen(): Promise<void>;
}

function tauriPresenter(): PresenterLink {
  return {
    async open() {
      const existing = await WebviewWindow.getByLabel(AUDIENCE_LABEL);
      if (existing) {
        await existing.setFocus().catch(() => undefined);
        return;
      }
      const w = new WebviewWindow(AUDIENCE_LABEL, {
        url: `index.html${AUDIENCE_HASH}`,
        title: "Journey Lab — audience",
        width: 1280,
        height: 720,
      });
      await new Promise<void>((resolve, reject) => {
        void w.once("tauri://created", () => resolve());
        void w.once("tauri://error", (e) => reject({ code: "window", message: `the audience window did not open: ${JSON.stringify(e.payload)}` }));
      });
    },
    send(slide) {
      void emit(SLIDE, slide);
    },
    onRequest(f) {
      const stop = listen<AudienceRequest>(REQUEST, (e) => f(e.payload));
      return () => void stop.then((u) => u());
    },
    async close() {
      const existing = await WebviewWindow.getByLabel(AUDIENCE_LABEL);
      await existing?.close();
    },
  };
}

function tauriAudience(): AudienceLink {
  return {
    onSlide(f) {
      const stop = listen<Slide>(SLIDE, (e) => f(e.payload));
      return () => void stop.then((u) => u());
    },
    request(r) {
      void emit(REQUEST, r);
    },
    async toggleFullscreen() {
      const w = getCurrentWindow();
      await w.setFullscreen(!(await w.isFullscreen()));
    },
  };
}

/** The browser stand-in: a BroadcastChannel, the audience in a new tab. */
function channelLink(): PresenterLink & AudienceLink {
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("journeylab-workshop");
  let tab: Window | null = null;
  const on = <T,>(type: string, f: (x: T) => void) => {
    const handler = (e: MessageEvent<{ type: string; body: T }>) => {
      if (e.data?.type === type) f(e.data.body);
    };
    channel?.addEventListener("message", handler);
    return () => channel?.removeEventListener("message", handler);
  };
  return {
    async open() {
      if (!tab || tab.closed) tab = window.open(`${location.pathname}${AUDIENCE_HASH}`, AUDIENCE_LABEL);
    },
    send: (slide) => channel?.postMessage({ type: SLIDE, body: slide }),
    onRequest: (f) => on(REQUEST, f),
    async close() {
      tab?.close();
      tab = null;
    },
    onSlide: (f) => on(SLIDE, f),
    request: (r) => channel?.postMessage({ type: REQUEST, body: r }),
    async toggleFullscreen() {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    },
  };
}

export function presenterLink(): PresenterLink {
  return isTauri() ? tauriPresenter() : channelLink();
}

export function audienceLink(): AudienceLink {
  return isTauri() ? tauriAudience() : channelLink();
}

/** Whether this page is the audience window. */
export function isAudienceWindow(): boolean {
  return location.hash === AUDIENCE_HASH;
}
