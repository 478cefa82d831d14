// The parts of the attack surface panel that show the engine's answer: one population's
// ranked routes with the mass no listed route carries, the findings, the access table and
// a scenario's changes. Each is a plain view of a `RoutesView`; selection goes up through
// `onSelect`.

import { useState } from "react";

import { share, thousands } from "../format/numbers";
import type { Finding, RoutesView } from "../ipc";
import {
  accessLines,
  CHANGES_SHOWN,
  bandText,
  changeLines,
  journeyMasses,
  rankedRoutes,
  routeBadges,
  severityWord,
  type PopulationChoice,
} from "./attackSurface";
import type { SelectedRoute } from "./attackStore";

const isSelected = (selected: SelectedRoute | null, journey: string, key: string) =>
  selected !== null && selected.journey === journey && selected.key === key;

function Badges({ words }: { words: string[] }) {
  return (
    <span className="route-badges">
      {words.map((w) => (
        <span key={w} className={`route-badge route-badge-${w.startsWith("AAL") ? `aal${w.slice(3)}` : w.toLowerCase()}`}>
          {w}
        </span>
      ))}
    </span>
  );
}

/** The population's routes across every journey it enters, most successes first. */
export function RouteList({
  view,
  population,
  period,
  selected,
  onSelect,
}: {
  view: RoutesView;
  population: PopulationChoice;
  period: string;
  selected: SelectedRoute | null;
  onSelect(journey: string, key: string): void;
}) {
  const rows = rankedRoutes(view, population.id);
  const masses = journeyMasses(view, population.id, period);
  return (
    <section className="attack-section" aria-labelledby="attack-routes-title">
      <h4 id="attack-routes-title">
        Routes of {population.name} <span className="muted">({population.kind === "attacker" ? "attacker" : "legitimate"})</span>
      </h4>
      {rows.length === 0 ? (
        <p className="muted" data-testid="attack-no-routes">
          No route to success for this population.
        </p>
      ) : (
        <ol className="attack-routes" data-testid="attack-routes">
          {rows.map((r, rank) => (
            <li key={`${r.journey}|${r.route.key}`}>
              <button
                type="button"
                className={`attack-route${r.main ? " is-main" : ""}`}
                aria-pressed={isSelected(selected, r.journey, r.route.key)}
                data-testid={`attack-route-${r.journey}-${r.index}`}
                data-route={r.route.key}
                data-journey={r.journey}
                data-p={String(r.odds.p.mean)}
                data-successes={String(r.odds.successes)}
                data-share={String(r.share)}
                data-main={r.main ? "true" : undefined}
                title="Show this route on the canvas"
                onClick={() => onSelect(r.journey, r.route.key)}
              >
                <span className="attack-route-head">
                  <span className="attack-rank">{rank + 1}.</span>
                  <span className="attack-route-label">{r.route.label}</span>
                  <Badges words={routeBadges(r.route, r.main)} />
                </span>
                <span className="attack-route-facts">
                  <span className="attack-route-journey">{r.journeyName}</span>
                  <span>
                    P <strong>{bandText(r.odds.p)}</strong>
                  </span>
                  <span>
                    {thousands(r.odds.successes, r.odds.successes < 10 ? 1 : 0)} a {period} · <strong>{share(r.share)}</strong> of successes
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <h5 className="attack-subhead">Per journey: success, and what no listed route carries</h5>
      <ul className="attack-masses" data-testid="attack-masses">
        {masses.map((m) => (
          <li key={m.journey} data-testid={`attack-mass-${m.journey}`} data-complete={String(m.complete)} data-desk={String(m.population.through_desk)}>
            <strong>{m.name}</strong> {m.lines[0]}
            <span className="attack-mass-rest">{m.lines.slice(1).join(" · ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FindingText({ f }: { f: Finding }) {
  return (
    <>
      <span className={`attack-severity attack-severity-${f.severity}`}>{severityWord(f)}</span>
      <span className="attack-finding-body">
        <span>{f.message}</span>
        <span className="attack-finding-why">why: {f.why}</span>
      </span>
    </>
  );
}

/** The findings, most severe first as the engine orders them; one with a route selects it. */
export function FindingList({
  view,
  selected,
  onSelect,
}: {
  view: RoutesView;
  selected: SelectedRoute | null;
  onSelect(journey: string, key: string, population: string | null): void;
}) {
  const findings = view.report.findings;
  return (
    <section className="attack-section" aria-labelledby="attack-findings-title">
      <h4 id="attack-findings-title">
        Findings <span className="muted">({findings.length})</span>
      </h4>
      {findings.length === 0 ? (
        <p className="muted" data-testid="attack-no-findings">
          No findings: every route reaches what its journey requires.
        </p>
      ) : (
        <ol className="attack-findings">
          {findings.map((f, i) => {
            const attrs = { "data-testid": `attack-finding-${i}`, "data-code": f.code, "data-severity": f.severity, "data-journey": f.journey };
            const route = f.route;
            return (
              <li key={`${f.code}|${f.journey}|${f.route ?? ""}`}>
                {route !== null ? (
                  <button
                    type="button"
                    className="attack-finding"
                    aria-pressed={isSelected(selected, f.journey, route)}
                    data-route={route}
                    title="Show the route of this finding on the canvas"
                    onClick={() => onSelect(f.journey, route, f.population)}
                    {...attrs}
                  >
                    <FindingText f={f} />
                  </button>
                ) : (
                  <div className="attack-finding" {...attrs}>
                    <FindingText f={f} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Sign-ins and the journeys that restore them: whether recovery is weaker shows at a glance. */
export function AccessTable({ view, period }: { view: RoutesView; period: string }) {
  const rows = accessLines(view);
  if (rows.length === 0) {
    return (
      <section className="attack-section">
        <h4>Access to the account</h4>
        <p className="muted">No journey grants access (no sign-in, nothing restored).</p>
      </section>
    );
  }
  return (
    <section className="attack-section" aria-labelledby="attack-access-title">
      <h4 id="attack-access-title">Access to the account</h4>
      <table className="attack-access" data-testid="attack-access">
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Kind</th>
            <th scope="col">Restores</th>
            <th scope="col">Required</th>
            <th scope="col">Weakest route</th>
          </tr>
        </thead>
        {/* One body per access entry: the journey's row, then its attackers' successes across the table's width. */}
        {rows.map((r) => (
          <tbody
            key={r.journey}
            className={r.weaker ? "is-weaker" : undefined}
            data-testid={`attack-access-${r.journey}`}
            data-weakest-aal={r.weakestAal ?? undefined}
            data-weaker={r.weaker ? "true" : undefined}
          >
            <tr>
              <th scope="row">{r.name}</th>
              <td>{r.kind}</td>
              <td>{r.restores}</td>
              <td>{r.requiredAal}</td>
              <td>
                {r.weakest}{" "}
                {r.weakestAal !== null && <span className={`route-badge route-badge-aal${r.weakestAal}`}>AAL{r.weakestAal}</span>}
                {r.weaker && <span className="attack-weaker">{r.weaker}</span>}
              </td>
            </tr>
            <tr className="attack-access-attackers" data-testid={`attack-access-attackers-${r.journey}`}>
              <td colSpan={5}>
                <span className="muted">Attackers' successes a {period}: </span>
                {r.attackers.length === 0
                  ? "no attacker enters"
                  : r.attackers.map((a, i) => (
                      <span key={a.id} title={`P(success) ${a.p}`}>
                        {i > 0 && " · "}
                        {a.name} <strong>{a.successes}</strong>
                      </span>
                    ))}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </section>
  );
}

/** What the chosen scenario changes against the baseline: route sentences, findings resolved and introduced. */
export function ChangeList({ view }: { view: RoutesView }) {
  const [all, setAll] = useState(false);
  const { shown, more } = changeLines(view, all ? Number.MAX_SAFE_INTEGER : undefined);
  const { resolved, introduced } = view.finding_changes;
  return (
    <section className="attack-section attack-changes" data-testid="attack-changes" aria-labelledby="attack-changes-title">
      <h4 id="attack-changes-title">What “{view.scenario_name}” changes</h4>
      {view.changes.length === 0 ? (
        <p className="muted">No route opens, closes, halves or doubles against the baseline.</p>
      ) : (
        <ul className="attack-change-list">
          {shown.map((c, i) => (
            <li
              key={`${c.journey}|${c.population}|${c.route}|${c.kind}`}
              className={`attack-change attack-change-${c.kind}`}
              data-testid={`attack-change-${i}`}
              data-kind={c.kind}
              data-population={c.population}
            >
              {c.sentence}
            </li>
          ))}
        </ul>
      )}
      {view.changes.length > CHANGES_SHOWN && (
        <button type="button" className="link attack-more" data-testid="attack-changes-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? "show fewer" : `${more} more`}
        </button>
      )}
      <p className="attack-finding-changes" data-testid="attack-finding-changes" data-resolved={resolved.length} data-introduced={introduced.length}>
        {resolved.length === 0 && introduced.length === 0 ? (
          <span className="muted">No finding resolved or introduced.</span>
        ) : (
          <>
            {resolved.map((f) => (
              <span key={`r|${f.code}|${f.journey}|${f.route ?? ""}`} className="attack-resolved" data-code={f.code}>
                resolved: {f.message}
              </span>
            ))}
            {introduced.map((f) => (
              <span key={`i|${f.code}|${f.journey}|${f.route ?? ""}`} className="attack-introduced" data-code={f.code}>
                introduced: {f.message}
              </span>
            ))}
          </>
        )}
      </p>
    </section>
  );
}
