// The audience window (the projector or the shared screen): it follows the presenter's
// slides and records, on the slide element, how long each took to arrive (presenter's
// send → rendered here; both windows share the machine's clock). F toggles full screen.
import { useEffect, useLayoutEffect, useRef, useState } from "react";

import { audienceLink, type Slide } from "../ipc";
import { AudienceSlide } from "./AudienceSlide";
import "./audience.css";

export function AudienceApp() {
  const [link] = useState(audienceLink);
  const [slide, setSlide] = useState<Slide | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stop = link.onSlide((s) => setSlide((old) => (old && old.seq > s.seq ? old : s)));
    link.request("ready");
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "f" || e.key === "F") void link.toggleFullscreen().catch(() => undefined);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      stop();
      window.removeEventListener("keydown", onKey);
    };
  }, [link]);

  useLayoutEffect(() => {
    if (slide && root.current) root.current.dataset.latencyMs = String(Date.now() - slide.sentAt);
  }, [slide]);

  return (
    <main className="audience" data-testid="audience" ref={root} data-seq={slide?.seq ?? -1}>
      <AudienceSlide slide={slide} />
    </main>
  );
}
