// The decision of a scenario on the run shown (spec §10): request it, see what changes
// and who must sign off, record each team's word and the accountable owner's, read the
// record, and write the decision pack. Every word is checked by the backend.
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";

import { ErrorBanner } from "../components/ErrorBanner";
import type { DecisionRecordView, RiskAcceptance, Word } from "../ipc";
import { DecisionBadge } from "./DecisionBadge";
import { statusOf, type DecisionStore } from "./decisionStore";

/** The level of the record's own headings: one below the panel's. */
const SubHeading = createContext<"h4" | "h5">("h5");

function SubTitle({ children }: { children: ReactNode }) {
  return useContext(SubHeading) === "h4" ? <h4>{children}</h4> : <h5>{children}</h5>;
}

export function DecisionPanel({
  store,
  runId,
  scenario,
  headingLevel = 4,
}: {
  store: DecisionStore;
  runId: number;
  scenario: string;
  /** Its heading's level where it sits: 4 on the dashboard, 3 under a workshop item's title. */
  headingLevel?: 3 | 4;
}) {
  const s = useStore(store, (x) => x);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const status = statusOf(s.statuses, scenario);
  const record = s.open === scenario && s.record.status === "ready" ? s.record.data : null;
  return (
    <SubHeading.Provider value={headingLevel === 3 ? "h4" : "h5"}>
      <section className="decision" data-testid="decision" data-status={record?.status ?? status}>
        <Heading className="subsection-title">
          Decision <DecisionBadge status={record?.status ?? status} testid="decision-status" />
        </Heading>
        {s.open !== scenario ? (
          <button type="button" className="button" data-testid="decision-open" onClick={() => void s.openRecord(scenario)}>
            {status === "draft" ? "Request decision…" : "Open decision record"}
          </button>
        ) : s.record.status === "loading" ? (
          <p className="muted">Reading the decision record…</p>
        ) : s.record.status === "failed" ? (
          <ErrorBanner title="The decision record could not be read" error={s.record.error} />
        ) : record ? (
          <Record store={store} record={record} runId={runId} />
        ) : null}
        {s.error && (
          <div data-testid="decision-error">
            <ErrorBanner title="Not recorded" error={s.error} />
          </div>
        )}
      </section>
    </SubHeading.Provider>
  );
}

function Record({ store, record, runId }: { store: DecisionStore; record: DecisionRecordView; runId: number }) {
  const busy = useStore(store, (s) => s.busy);
  const canRequest = record.request === null || record.status === "stale" || record.request.run_id !== runId;
  return (
    <div className="decision-record" data-testid="decision-record">
      {record.request && (
        <p className="meta" data-testid="decision-run" data-run-id={record.request.run_id}>
          Decided on run #{record.request.run_id} (model v{record.request.model_version}, seed {record.request.seed}), requested by{" "}
          {record.request.requested_by}
          {record.request.note && <> — “{record.request.note}”</>}
        </p>
      )}
      {record.status === "stale" && (
        <p className="decision-stale" data-testid="decision-stale">
          The model changed since run #{record.request?.run_id} (newest version v{record.newest_version}): run it again, then request a new decision on
          the new run.
        </p>
      )}
      {canRequest && <RequestForm store={store} runId={runId} scenario={record.scenario} again={record.request !== null} disabled={busy} />}
      <Changes record={record} />
      <Teams record={record} />
      {record.request && record.status !== "stale" && (
        <>
          <TeamWordForm store={store} record={record} disabled={busy} />
          <OwnerForm store={store} record={record} disabled={busy} />
        </>
      )}
      <Words record={record} />
      <Pack store={store} record={record} />
    </div>
  );
}

function RequestForm({ store, runId, scenario, again, disabled }: { store: DecisionStore; runId: number; scenario: string; again: boolean; disabled: boolean }) {
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  return (
    <form
      className="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store.getState().request(runId, scenario, name, note);
      }}
    >
      <label className="field">
        Requested by
        <input data-testid="decision-request-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="name or role" />
      </label>
      <label className="field">
        Note
        <input data-testid="decision-request-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="what to decide, by when" />
      </label>
      <button type="submit" className="button button-primary" data-testid="decision-request" disabled={disabled}>
        {again ? `Request a new decision on run #${runId}` : `Request decision on run #${runId}`}
      </button>
    </form>
  );
}

function Changes({ record }: { record: DecisionRecordView }) {
  return (
    <div>
      <SubTitle>What changes</SubTitle>
      <table className="table table-compact" data-testid="decision-changes">
        <thead>
          <tr>
            <th>Path</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {record.changes.map((c) => (
            <tr key={c.path}>
              <td className="mono">{c.path}</td>
              <td className="mono decision-value">{c.before ?? "(not set)"}</td>
              <td className="mono decision-value">{c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">Decision areas touched: {record.areas.join(", ") || "none"}</p>
    </div>
  );
}

function Teams({ record }: { record: DecisionRecordView }) {
  return (
    <div>
      <SubTitle>Who must sign off</SubTitle>
      <table className="table table-compact" data-testid="decision-teams">
        <thead>
          <tr>
            <th>Team</th>
            <th>Role</th>
            <th>Members</th>
            <th>Latest word</th>
          </tr>
        </thead>
        <tbody>
          {record.required.map((t) => (
            <tr key={t.id} data-testid={`decision-team-${t.id}`} data-latest={t.latest ?? "none"}>
              <td>{t.name}</td>
              <td>{t.role === "veto" ? "holds a veto" : "decides"}</td>
              <td>{t.members.join(", ") || <span className="bad">no members</span>}</td>
              <td>{t.latest ? `${t.latest === "approve" ? "✓ approved" : "✗ rejected"} by ${t.latest_by ?? ""}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">Accountable owner: {record.accountable || "(none named)"}</p>
    </div>
  );
}

function TeamWordForm({ store, record, disabled }: { store: DecisionStore; record: DecisionRecordView; disabled: boolean }) {
  const [team, setTeam] = useState(record.required[0]?.id ?? "");
  const [name, setName] = useState("");
  const [why, setWhy] = useState("");
  const say = (word: Word) => void store.getState().say(word, team || null, name, why);
  return (
    <fieldset className="decision-form" data-testid="decision-team-form">
      <legend>A team's word</legend>
      <label className="field">
        Team
        <select data-testid="decision-team" value={team} onChange={(e) => setTeam(e.target.value)}>
          {record.required.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Name
        <input data-testid="decision-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="who speaks for the team" />
      </label>
      <label className="field decision-why">
        Why
        <input data-testid="decision-rationale" value={why} onChange={(e) => setWhy(e.target.value)} />
      </label>
      <div className="decision-buttons">
        <button type="button" className="button" data-testid="decision-approve" disabled={disabled} onClick={() => say("approve")}>
          Approve
        </button>
        <button type="button" className="button" data-testid="decision-reject" disabled={disabled} onClick={() => say("reject")}>
          Reject
        </button>
        <button type="button" className="button button-ghost" data-testid="decision-comment" disabled={disabled} onClick={() => say("comment")}>
          Comment
        </button>
      </div>
    </fieldset>
  );
}

function OwnerForm({ store, record, disabled }: { store: DecisionStore; record: DecisionRecordView; disabled: boolean }) {
  const [name, setName] = useState(record.accountable);
  const [why, setWhy] = useState("");
  const [residual, setResidual] = useState("");
  const [unmet, setUnmet] = useState("");
  const [voids, setVoids] = useState("");
  const [expires, setExpires] = useState("");
  const risk = (): RiskAcceptance | null => {
    const any = residual.trim() || unmet.trim() || voids.trim() || expires.trim();
    if (!any) return null;
    return {
      residual_risk: residual,
      unmet_guardrails: unmet
        .split(/[,\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
      voiding_conditions: voids,
      expires: expires.trim() || null,
    };
  };
  return (
    <fieldset className="decision-form" data-testid="decision-owner-form">
      <legend>The accountable owner</legend>
      <label className="field">
        Name
        <input data-testid="decision-owner-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field decision-why">
        Why
        <input data-testid="decision-owner-rationale" value={why} onChange={(e) => setWhy(e.target.value)} />
      </label>
      <details className="decision-risk">
        <summary>Risk acceptance (optional)</summary>
        <label className="field">
          Residual risk, in words
          <input data-testid="decision-residual" value={residual} onChange={(e) => setResidual(e.target.value)} />
        </label>
        <label className="field">
          Guardrails knowingly left unmet (ids, comma-separated)
          <input data-testid="decision-unmet" value={unmet} onChange={(e) => setUnmet(e.target.value)} />
        </label>
        <label className="field">
          Void if
          <input data-testid="decision-voids" value={voids} onChange={(e) => setVoids(e.target.value)} />
        </label>
        <label className="field">
          Expires (YYYY-MM-DD)
          <input data-testid="decision-expires" value={expires} onChange={(e) => setExpires(e.target.value)} placeholder="2027-06-30" />
        </label>
      </details>
      <div className="decision-buttons">
        <button type="button" className="button button-primary" data-testid="decision-accept" disabled={disabled} onClick={() => void store.getState().say("accept", null, name, why, risk())}>
          Accept
        </button>
        <button type="button" className="button" data-testid="decision-decline" disabled={disabled} onClick={() => void store.getState().say("decline", null, name, why)}>
          Decline
        </button>
      </div>
    </fieldset>
  );
}

function Words({ record }: { record: DecisionRecordView }) {
  if (record.words.length === 0) return null;
  return (
    <div>
      <SubTitle>The record (append-only)</SubTitle>
      <ol className="decision-words" data-testid="decision-words">
        {record.words.map((w) => (
          <li key={w.id} data-testid="decision-word" data-word={w.word}>
            <span className="mono">{w.at.replace("T", " ").replace(/\.\d+Z$/, " UTC")}</span> · <b>{w.word}</b> by {w.name}
            {w.detail.team && <> for {record.required.find((t) => t.id === w.detail.team)?.name ?? w.detail.team}</>}
            {w.detail.rationale && <> — “{w.detail.rationale}”</>}
            {w.detail.risk_acceptance && (
              <span className="decision-risk-line" data-testid="decision-risk">
                {" "}
                · accepts: {w.detail.risk_acceptance.residual_risk}
                {w.detail.risk_acceptance.unmet_guardrails.length > 0 && `; unmet: ${w.detail.risk_acceptance.unmet_guardrails.join(", ")}`}
                {w.detail.risk_acceptance.voiding_conditions && `; void if ${w.detail.risk_acceptance.voiding_conditions}`}
                {w.detail.risk_acceptance.expires && `; expires ${w.detail.risk_acceptance.expires}`}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Pack({ store, record }: { store: DecisionStore; record: DecisionRecordView }) {
  const [out, setOut] = useState("");
  const written = useStore(store, (s) => s.packWritten);
  const busy = useStore(store, (s) => s.busy);
  return (
    <div className="decision-pack">
      <SubTitle>Decision pack</SubTitle>
      <p className="meta">One HTML file with the changes, the numbers, the record and how to reproduce them; it prints to PDF from a browser.</p>
      <div className="export-row">
        <button type="button" className="button" data-testid="decision-pack-dialog" disabled={busy} onClick={() => void store.getState().choosePackPath()}>
          Save pack as…
        </button>
        <input
          data-testid="decision-pack-path"
          value={out}
          onChange={(e) => setOut(e.target.value)}
          placeholder={`or type a path: ${record.model_key}-${record.scenario}-decision.html`}
          aria-label="Decision pack file"
        />
        <button type="button" className="button" data-testid="decision-pack-export" disabled={busy || !out.trim()} onClick={() => void store.getState().exportPack(out)}>
          Write
        </button>
      </div>
      {written && (
        <p className="ok" data-testid="decision-pack-written">
          Wrote {written}
        </p>
      )}
    </div>
  );
}
