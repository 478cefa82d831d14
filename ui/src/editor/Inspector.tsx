import { useState } from "react";
import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { inkOf, lookOf } from "./kinds";
import {
  exitsOf,
  findJourney,
  idsOf,
  isObj,
  outcomesOf,
  populationsOf,
  renameStep,
  setIn,
  setStepField,
  stepsOf,
  updateJourney,
  type JourneyDoc,
  type Obj,
  type StepDoc,
} from "./model";
import { KindIcon } from "./nodes";
import { NumberField, PerPopulationEditor, QuantityEditor } from "./QuantityEditor";

const ID_PATTERN = /^[a-z0-9_-]+$/;

/** The fields of the selected step, by kind (spec §5). */
export function Inspector({ store, onExploreGate }: { store: EditorStore; onExploreGate?(journeyId: string, stepId: string): void }) {
  const doc = useStore(store, (s) => s.doc);
  const journeyId = useStore(store, (s) => s.journeyId);
  const selection = useStore(store, (s) => s.selection);
  const issues = useStore(store, (s) => s.issues);
  const journey = journeyId ? findJourney(doc, journeyId) : undefined;
  const steps = stepsOf(journey);
  const step = selection.length === 1 ? steps.find((s) => s.id === selection[0]) : undefined;

  if (!journeyId || !journey) return <aside className="inspector muted">No journey.</aside>;
  if (selection.length > 1) {
    return (
      <aside className="inspector" data-testid="inspector">
        <p className="muted">{selection.length} steps selected. Delete, copy (Ctrl+C) or drag them together.</p>
      </aside>
    );
  }
  if (!step) {
    return (
      <aside className="inspector" data-testid="inspector">
        <p className="muted">
          {selection.length === 1
            ? selection[0]!.startsWith("missing:")
              ? "An exit points at a step that does not exist: connect it elsewhere."
              : "An implicit outcome: every journey has success, abandoned and blocked."
            : "Select a step to edit it. Drag from an exit handle to another step to connect it."}
        </p>
        <JourneyFields store={store} journeyId={journeyId} />
      </aside>
    );
  }

  const set = (path: string[], value: unknown, coalesce = true) =>
    store.getState().apply((d) => setStepField(d, journeyId, step.id, path, value), coalesce ? `${step.id}:${path.join(".")}` : undefined);
  const sources = idsOf(doc, "sources");
  const populations = populationsOf(doc);
  const look = lookOf(step.kind, typeof step.class === "string" ? step.class : undefined);
  const targets = [...steps.filter((s) => s.id !== step.id && s.kind !== "outcome").map((s) => s.id), ...outcomesOf(journey).map((o) => o.id)];
  const stepIssues = issues.filter((i) => i.path.startsWith(`journeys[${journeyId}].steps[${step.id}]`));

  return (
    <aside className="inspector" data-testid="inspector" data-step={step.id}>
      <div className="inspector-head" style={{ color: inkOf(look.colour) }}>
        <KindIcon kind={step.kind} colour={look.colour} size={18} /> {look.label}
      </div>
      <IdField key={step.id} id={step.id} taken={steps.map((s) => s.id)} onRename={(to) => store.getState().apply((d) => renameStep(d, journeyId, step.id, to))} />
      <label className="field">
        name
        <input value={step.name ?? ""} data-testid="field-name" onChange={(e) => set(["name"], e.target.value || undefined)} />
      </label>
      <label className="field">
        owner (team)
        <select value={typeof step.owner === "string" ? step.owner : ""} onChange={(e) => set(["owner"], e.target.value || undefined, false)}>
          <option value="">(journey's owner)</option>
          {teamsOf(doc).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <KindFields step={step} set={set} doc={doc} sources={sources} populations={populations} journeyId={journeyId} />
      {step.kind === "risk_gate" && onExploreGate && (
        <button type="button" className="button" data-testid="explore-thresholds" onClick={() => onExploreGate(journeyId, step.id)}>
          Explore thresholds…
        </button>
      )}
      {step.kind !== "outcome" && step.kind !== "branch" && (
        <fieldset className="exits">
          <legend>exits</legend>
          {exitsOf(step).map((exit) => (
            // Keyed by step too: a fresh select per step, so the browser's type-ahead (typing a
            // target's name picks it) does not carry letters over from the step before.
            <label key={`${step.id}:${exit.handle}`} className="field-inline">
              {exit.label}
              <select
                value={exit.target ?? ""}
                data-testid={`exit-select-${exit.handle}`}
                onChange={(e) => set(exit.handle.split("."), e.target.value || undefined, false)}
              >
                <option value="">{exit.fallback ? `(default: ${exit.fallback})` : "(not connected)"}</option>
                {exit.target && !targets.includes(exit.target) && <option value={exit.target}>{exit.target} (missing)</option>}
                {targets.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {stepIssues.length > 0 && (
        <ul className="inspector-issues">
          {stepIssues.map((i, n) => (
            <li key={n} className={`issue-${i.severity}`}>
              <code>{i.path.slice(`journeys[${journeyId}].steps[${step.id}]`.length) || "step"}</code> {i.message}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function teamsOf(doc: Record<string, unknown>): string[] {
  const owners = doc.owners;
  if (!isObj(owners) || !Array.isArray(owners.teams)) return [];
  return owners.teams.filter(isObj).map((t) => String(t.id));
}

export function IdField({ id, taken, onRename, testid = "field-id" }: { id: string; taken: string[]; onRename(to: string): void; testid?: string }) {
  const [text, setText] = useState(id);
  const problem =
    text === id ? null : !ID_PATTERN.test(text) ? "use a-z, 0-9, _ and -" : taken.includes(text) ? "already used" : null;
  const commit = () => {
    if (text !== id && !problem) onRename(text);
  };
  return (
    <label className="field">
      id
      <input
        className="mono"
        value={text}
        data-testid={testid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setText(id);
        }}
      />
      {problem && <span className="field-note bad">{problem}</span>}
    </label>
  );
}

interface KindFieldsProps {
  step: StepDoc;
  set(path: string[], value: unknown, coalesce?: boolean): void;
  doc: Record<string, unknown>;
  sources: { id: string; name?: string }[];
  populations: { id: string; kind: string }[];
  journeyId: string;
}

function KindFields({ step, set, doc, sources, populations, journeyId }: KindFieldsProps) {
  const at = (key: string) => `journeys/${journeyId}/steps/${step.id}/${key}`;
  const quantity = (key: string, label: string, probability = false) => (
    <div className="field">
      {label}
      <QuantityEditor
        value={step[key]}
        onChange={(v) => set([key], v)}
        probability={probability}
        sources={sources}
        testid={`q-${key}`}
        path={step[key] === undefined ? undefined : at(key)}
      />
    </div>
  );
  const perPop = (key: string, label: string) => (
    <div className="field">
      {label}
      <PerPopulationEditor
        value={step[key]}
        onChange={(v) => set([key], v)}
        probability
        populations={populations}
        sources={sources}
        testid={`pp-${key}`}
        path={at(key)}
      />
    </div>
  );
  const pick = (key: string, label: string, options: { id: string; name?: string }[]) => (
    <label className="field">
      {label}
      <select value={typeof step[key] === "string" ? (step[key] as string) : ""} data-testid={`field-${key}`} onChange={(e) => set([key], e.target.value, false)}>
        <option value="">(choose)</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name ? `${o.name} (${o.id})` : o.id}
          </option>
        ))}
      </select>
    </label>
  );
  const num = (key: string, label: string) => (
    <div className="field">
      <NumberField label={label} value={typeof step[key] === "number" ? (step[key] as number) : 0} testid={`field-${key}`} onChange={(v) => set([key], v)} />
    </div>
  );
  switch (step.kind) {
    case "action":
      return (
        <>
          {quantity("seconds", "seconds per visit")}
          {perPop("abandon", "abandon probability")}
        </>
      );
    case "control":
      return (
        <>
          {pick("control", "control (from the library)", idsOf(doc, "controls"))}
          {num("max_attempts", "max attempts")}
        </>
      );
    case "risk_gate":
      return (
        <>
          {pick("signal", "risk signal", idsOf(doc, "risk_signals"))}
          {num("allow_below", "allow below")}
          {num("block_at_or_above", "block at or above")}
        </>
      );
    case "support":
      return (
        <>
          {quantity("cost_per_contact", "cost per contact")}
          {quantity("minutes_per_contact", "minutes per contact")}
          {perPop("resolve", "resolve probability")}
        </>
      );
    case "outcome":
      return (
        <label className="field">
          class
          <select value={String(step.class ?? "")} data-testid="field-class" onChange={(e) => set(["class"], e.target.value, false)}>
            {["success", "abandoned", "blocked"].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      );
    case "branch":
      return <BranchFields step={step} set={set} sources={sources} populations={populations} targets={targetsOf(doc, journeyId, step.id)} />;
    default:
      return null;
  }
}

/** Where an exit of step `stepId` can lead: the journey's other steps, then its outcomes. */
function targetsOf(doc: Record<string, unknown>, journeyId: string, stepId: string): string[] {
  const journey = findJourney(doc, journeyId);
  return [...stepsOf(journey).filter((s) => s.id !== stepId && s.kind !== "outcome").map((s) => s.id), ...outcomesOf(journey).map((o) => o.id)];
}

function BranchFields({ step, set, sources, populations, targets }: Omit<KindFieldsProps, "doc" | "journeyId"> & { targets: string[] }) {
  const entries = Array.isArray(step.to) ? step.to : [];
  return (
    <fieldset className="exits">
      <legend>shares (add one here, or drag from “+ share”)</legend>
      {/* The keyboard's way to add a share (dragging needs a pointer): as the canvas's
          "+ share" does, a new entry takes the rest, or a 0 share when one already does. */}
      <select
        value=""
        aria-label="Add a share to"
        data-testid="branch-add-share"
        onChange={(e) => {
          const target = e.target.value;
          if (!target) return;
          const entry = entries.some((x) => isObj(x) && x.p === undefined) ? { target, p: 0 } : { target };
          set(["to"], [...entries, entry], false);
        }}
      >
        <option value="">add a share to…</option>
        {targets.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      {entries.map((entry, i) => (
        <div key={i} className="branch-entry" data-testid={`branch-entry-${i}`}>
          <div className="per-pop-head">
            → <code>{String(entry?.target ?? "?")}</code>
            {entry?.p === undefined ? (
              <>
                <span className="muted">takes the rest</span>
                <button type="button" className="link" onClick={() => set(["to"], entries.map((e, j) => (j === i ? { ...e, p: 0.5 } : e)), false)}>
                  set share
                </button>
              </>
            ) : (
              <button
                type="button"
                className="link"
                onClick={() =>
                  set(
                    ["to"],
                    entries.map((e, j) => {
                      if (j !== i) return e;
                      const rest = { ...e };
                      delete rest.p;
                      return rest;
                    }),
                    false,
                  )
                }
              >
                make it the rest
              </button>
            )}
          </div>
          {entry?.p !== undefined && (
            <PerPopulationEditor
              value={entry.p}
              onChange={(v) => set(["to"], entries.map((e, j) => (j === i ? { ...e, p: v } : e)))}
              probability
              populations={populations}
              sources={sources}
              testid={`pp-to-${i}`}
            />
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** The selected journey's own fields: name, owner, sensitivity, AAL, entry, entrants. */
function JourneyFields({ store, journeyId }: { store: EditorStore; journeyId: string }) {
  const doc = useStore(store, (s) => s.doc);
  const journey = findJourney(doc, journeyId);
  if (!journey) return null;
  const steps = stepsOf(journey);
  const set = (key: string, value: unknown, coalesce = true) =>
    store.getState().apply((d) => updateJourney(d, journeyId, (j) => setIn(j, [key], value) as JourneyDoc), coalesce ? `journey:${journeyId}:${key}` : undefined);
  const entrants = Array.isArray(journey.entrants) ? (journey.entrants as Obj[]) : [];
  const populations = populationsOf(doc);
  const sources = idsOf(doc, "sources");
  const setEntrants = (next: Obj[], coalesce = false) => set("entrants", next, coalesce);
  return (
    <div data-testid="journey-fields">
      <h3>Journey</h3>
      <label className="field">
        name
        <input value={journey.name ?? ""} data-testid="journey-name" onChange={(e) => set("name", e.target.value)} />
      </label>
      <label className="field">
        owner (team)
        <select value={typeof journey.owner === "string" ? journey.owner : ""} onChange={(e) => set("owner", e.target.value || undefined, false)}>
          <option value="">(none)</option>
          {teamsOf(doc).map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        sensitive
        <input type="checkbox" checked={journey.sensitive === true} onChange={(e) => set("sensitive", e.target.checked || undefined, false)} />
      </label>
      <label className="field-inline">
        required AAL
        <select value={String(journey.required_aal ?? "")} onChange={(e) => set("required_aal", e.target.value ? Number(e.target.value) : undefined, false)}>
          <option value="">(none)</option>
          {[1, 2, 3].map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label className="field">
        entry step
        <select value={journey.entry ?? ""} data-testid="journey-entry" onChange={(e) => set("entry", e.target.value || undefined, false)}>
          <option value="">(none)</option>
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="exits">
        <legend>entrants per {typeof doc.period === "string" ? doc.period : "month"}</legend>
        {entrants.map((entrant, i) => (
          <div key={i} className="per-pop-entry" data-testid={`entrant-${i}`}>
            <div className="per-pop-head">
              <select
                aria-label={`Population of entrant ${i + 1}`}
                value={String(entrant.population ?? "")}
                onChange={(e) => setEntrants(entrants.map((x, j) => (j === i ? { ...x, population: e.target.value } : x)))}
              >
                {populations.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.id} ({p.kind})
                  </option>
                ))}
                {!populations.some((p) => p.id === entrant.population) && <option value={String(entrant.population ?? "")}>{String(entrant.population ?? "?")}</option>}
              </select>
              <button type="button" className="link" onClick={() => setEntrants(entrants.filter((_, j) => j !== i))}>
                remove
              </button>
            </div>
            <QuantityEditor
              value={entrant.volume}
              onChange={(v) => setEntrants(entrants.map((x, j) => (j === i ? { ...x, volume: v } : x)), true)}
              sources={sources}
              testid={`entrant-${i}-volume`}
            />
          </div>
        ))}
        {populations.some((p) => !entrants.some((e) => e.population === p.id)) && (
          <select
            value=""
            data-testid="entrant-add"
            onChange={(e) => e.target.value && setEntrants([...entrants, { population: e.target.value, volume: 1000 }])}
          >
            <option value="">add entrants…</option>
            {populations
              .filter((p) => !entrants.some((e) => e.population === p.id))
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id}
                </option>
              ))}
          </select>
        )}
      </fieldset>
    </div>
  );
}
