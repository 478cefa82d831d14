import { useState, type KeyboardEvent } from "react";
import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import {
  addTeam,
  areaCoverage,
  cellState,
  DECISION_AREAS,
  JOURNEY_KINDS,
  listOf,
  ownersOf,
  parseMembers,
  removeTeam,
  setCellState,
  setJourneyKind,
  setJourneyOwner,
  setMembers,
  teamLabel,
  toggleDecides,
  updateOwners,
  updateTeam,
  type CellState,
} from "./governance";
import { journeys, type JourneyDoc, type Obj } from "./model";

/** How a cell's state reads in the grid (the select's option text). */
const STATE_TEXT: Record<CellState, string> = { none: "—", decides: "decides", veto: "veto" };

/**
 * Governance (spec §9, §10) as an ownership matrix a facilitator fills in with the room:
 * the accountable person or role on top; a grid of teams (rows) × decision areas
 * (columns, the engine's vocabulary order) whose cells are "—", "decides" or "veto";
 * under each column who decides that area (a warning in words when nobody does); then
 * each journey's owning team and kind. Every edit goes through `apply` (undoable).
 *
 * A cell (`matrix-<team>-<area>`, `data-state` none|decides|veto) holds two controls:
 * - a `<select>` (`matrix-<team>-<area>-select`, named "<team name> — <area>") with the
 *   three states: the keyboard path (Tab from cell to cell; D, V, N/Delete/Backspace/-
 *   set the state; Ctrl+Z undoes);
 * - the former checkbox `team-<team>-decides-<area>`, kept so that one click toggles
 *   "decides" as before (checking it clears a veto; unchecking it leaves a veto alone).
 *   It is out of the Tab order (the select already covers the cell from the keyboard).
 */
export function OwnersPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const doc = useStore(store, (s) => s.doc);
  const { accountable, teams } = ownersOf(doc);
  const coverage = areaCoverage(teams);
  const memberless = teams.filter((t) => listOf(t, "members").length === 0);
  const apply = store.getState().apply;

  // Selects and checkboxes have no undo of their own, and the editor's shortcut leaves
  // form fields alone: let Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo from them here.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const t = e.target as HTMLElement;
    const pick = t.tagName === "SELECT" || (t instanceof HTMLInputElement && t.type === "checkbox");
    if (!pick || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key === "z" && !e.shiftKey) store.getState().undo();
    else if ((key === "z" && e.shiftKey) || key === "y") store.getState().redo();
    else return;
    e.preventDefault();
  };

  return (
    <aside className="inspector owners-panel" data-testid="owners-panel" onKeyDown={onKeyDown}>
      <div className="per-pop-head">
        <h3>Owners &amp; teams</h3>
        <button type="button" className="link" onClick={onClose}>
          close
        </button>
      </div>
      <label className="field owners-accountable">
        accountable (one person or role)
        <input
          value={accountable}
          data-testid="owners-accountable"
          onChange={(e) => apply((d) => updateOwners(d, (o) => ({ ...o, accountable: e.target.value })), "owners:accountable")}
        />
      </label>

      <h3 id="owners-matrix-title">Who decides what</h3>
      <p className="field-note muted">
        Each cell: — (no say), <strong>decides</strong>, or <strong>veto</strong> (does not decide, can block). In a cell, press D, V, or N/Delete;
        Ctrl+Z undoes.
      </p>
      <table className="owners-matrix" aria-labelledby="owners-matrix-title" data-testid="owners-matrix">
        <colgroup>
          <col className="matrix-col-team" />
          <col className="matrix-col-members" />
          {DECISION_AREAS.map((area) => (
            <col key={area} className="matrix-col-area" />
          ))}
          <col className="matrix-col-remove" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="matrix-team">
              team
            </th>
            <th scope="col">members</th>
            {DECISION_AREAS.map((area) => (
              <th key={area} scope="col" title={area}>
                {breakable(area)}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t, i) => (
            <TeamRow key={i} store={store} team={t} index={i} />
          ))}
          {teams.length === 0 && (
            <tr>
              <td colSpan={DECISION_AREAS.length + 3} className="muted">
                No teams yet: add the teams in the room.
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="matrix-team">
              decided by
            </th>
            <td />
            {coverage.map(({ area, decides, veto }) => (
              <td key={area} className="matrix-footer" data-testid={`matrix-footer-${area}`} data-decided={decides.length > 0}>
                {decides.length > 0 ? (
                  decides.map((t, k) => <div key={k}>{teamLabel(t)}</div>)
                ) : (
                  <strong className="bad">⚠ no team decides</strong>
                )}
                {veto.length > 0 && <div className="muted">veto: {veto.map(teamLabel).join(", ")}</div>}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
      <button type="button" className="button" data-testid="team-add" onClick={() => apply(addTeam)}>
        Add team
      </button>
      {memberless.length > 0 && (
        <ul className="owners-notes" data-testid="owners-notes">
          {memberless.map((t, k) => (
            <li key={k}>
              {teamLabel(t)} has no members yet: name the people or roles who speak for it.
            </li>
          ))}
        </ul>
      )}

      <h3 id="owners-journeys-title">Journeys</h3>
      <JourneyTable store={store} list={journeys(doc)} teams={teams} />
    </aside>
  );
}

/** One team: name, id, members, a cell per decision area, remove. */
function TeamRow({ store, team, index: i }: { store: EditorStore; team: Obj; index: number }) {
  const apply = store.getState().apply;
  const id = String(team.id);
  const label = teamLabel(team);
  const members = listOf(team, "members");
  const others = (key: string) => listOf(team, key).filter((a) => !DECISION_AREAS.includes(a));
  const set = (area: string, state: CellState) => apply((d) => updateTeam(d, i, (x) => setCellState(x, area, state)));
  return (
    <tr data-testid={`team-${id}`}>
      <th scope="row" className="matrix-team">
        <input
          aria-label={`Name of team ${id}`}
          value={typeof team.name === "string" ? team.name : ""}
          data-testid={`team-${id}-name`}
          onChange={(e) => apply((d) => updateTeam(d, i, (x) => ({ ...x, name: e.target.value })), `team:${i}:name`)}
        />
        <code className="matrix-id">{id}</code>
        {others("decides").length > 0 && <div className="muted">also decides: {others("decides").join(", ")}</div>}
        {others("veto").length > 0 && <div className="muted">also vetoes: {others("veto").join(", ")}</div>}
      </th>
      <td className="matrix-members">
        <MembersField
          members={members}
          label={`Members of ${label}`}
          testid={`team-${id}-members`}
          onChange={(list) => apply((d) => updateTeam(d, i, (x) => setMembers(x, list)), `team:${i}:members`)}
        />
        {members.length === 0 && <div className="field-note matrix-warn">no members yet</div>}
      </td>
      {DECISION_AREAS.map((area) => {
        const state = cellState(team, area);
        return (
          <td key={area} className={`matrix-cell is-${state}`} data-testid={`matrix-${id}-${area}`} data-state={state}>
            <input
              type="checkbox"
              tabIndex={-1}
              aria-label={`${label} decides ${area}`}
              checked={state === "decides"}
              data-testid={`team-${id}-decides-${area}`}
              onChange={(e) => apply((d) => updateTeam(d, i, (x) => toggleDecides(x, area, e.target.checked)))}
            />
            <select
              aria-label={`${label} — ${area}`}
              value={state}
              data-testid={`matrix-${id}-${area}-select`}
              onChange={(e) => set(area, e.target.value as CellState)}
              onKeyDown={(e) => {
                const next = keyState(e);
                if (!next) return;
                e.preventDefault();
                if (next !== state) set(area, next);
              }}
            >
              {(Object.keys(STATE_TEXT) as CellState[]).map((s) => (
                <option key={s} value={s} aria-label={s === "none" ? "none" : undefined}>
                  {STATE_TEXT[s]}
                </option>
              ))}
            </select>
          </td>
        );
      })}
      <td>
        <button
          type="button"
          className="link"
          aria-label={`Remove team ${label}`}
          data-testid={`team-${id}-remove`}
          onClick={() => apply((d) => removeTeam(d, i))}
        >
          remove
        </button>
      </td>
    </tr>
  );
}

/** The state a key press in a cell asks for (D, V, N/Delete/Backspace/-), if any. */
function keyState(e: KeyboardEvent): CellState | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const k = e.key.toLowerCase();
  if (k === "d") return "decides";
  if (k === "v") return "veto";
  if (k === "n" || k === "-" || k === "delete" || k === "backspace") return "none";
  return undefined;
}

/**
 * The members of a team as free text (one per comma or line). What the user typed is
 * shown as typed while it reads as the document's list (so "Alice, " keeps its comma);
 * when the document changes otherwise (undo), the document's list is shown.
 */
function MembersField({ members, label, testid, onChange }: { members: string[]; label: string; testid: string; onChange(list: string[]): void }) {
  const [draft, setDraft] = useState(() => formatMembers(members));
  const parsed = parseMembers(draft);
  const shown = parsed.length === members.length && parsed.every((m, k) => m === members[k]) ? draft : formatMembers(members);
  return (
    <textarea
      rows={2}
      aria-label={label}
      placeholder="people or roles, by comma or line"
      value={shown}
      data-testid={testid}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(parseMembers(e.target.value));
      }}
    />
  );
}

function formatMembers(members: string[]): string {
  return members.join(members.some((m) => m.includes(",")) ? "\n" : ", ");
}

/** Each journey's owning team and kind. A value the lists do not know (a removed team,
 * a kind outside §10) is shown as such rather than hidden. */
function JourneyTable({ store, list, teams }: { store: EditorStore; list: JourneyDoc[]; teams: Obj[] }) {
  const apply = store.getState().apply;
  if (list.length === 0) return <p className="muted">This model has no journeys.</p>;
  const teamIds = teams.map((t) => String(t.id));
  return (
    <table className="owners-journeys" aria-labelledby="owners-journeys-title" data-testid="owners-journeys">
      <thead>
        <tr>
          <th scope="col">journey</th>
          <th scope="col">owner</th>
          <th scope="col">kind</th>
        </tr>
      </thead>
      <tbody>
        {list.map((j) => {
          const name = typeof j.name === "string" && j.name !== "" ? j.name : j.id;
          const owner = typeof j.owner === "string" ? j.owner : "";
          const kind = typeof j.kind === "string" ? j.kind : "";
          return (
            <tr key={j.id} data-testid={`journey-row-${j.id}`}>
              <th scope="row">
                {name} <code className="matrix-id">{j.id}</code>
              </th>
              <td>
                <select
                  aria-label={`Owner of ${name}`}
                  value={owner}
                  data-testid={`journey-owner-${j.id}`}
                  onChange={(e) => apply((d) => setJourneyOwner(d, j.id, e.target.value === "" ? null : e.target.value))}
                >
                  <option value="">(none)</option>
                  {teams.map((t, k) => (
                    <option key={k} value={String(t.id)}>
                      {teamLabel(t)} ({String(t.id)})
                    </option>
                  ))}
                  {owner !== "" && !teamIds.includes(owner) && <option value={owner}>{owner} (no such team)</option>}
                </select>
              </td>
              <td>
                <select
                  aria-label={`Kind of ${name}`}
                  value={kind}
                  data-testid={`journey-kind-${j.id}`}
                  onChange={(e) => apply((d) => setJourneyKind(d, j.id, e.target.value === "" ? null : e.target.value))}
                >
                  <option value="">(not set)</option>
                  {JOURNEY_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                  {kind !== "" && !(JOURNEY_KINDS as readonly string[]).includes(kind) && <option value={kind}>{kind} (not a §10 kind)</option>}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** An area id that may wrap after its underscores (narrow columns). */
function breakable(area: string) {
  return area.split("_").map((part, k, all) => (
    <span key={k}>
      {part}
      {k < all.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </span>
  ));
}
