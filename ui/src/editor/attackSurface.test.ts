import type { Edge } from "@xyflow/react";
import { describe, expect, it } from "vitest";

import { share } from "../format/numbers";
import type { RoutesView } from "../ipc";
import { ROUTES_SAMPLE } from "../ipc/gen/samples";
import {
  POSSIBLE,
  ROUTE_COLOUR,
  accessLines,
  changeLines,
  decorateRouteEdge,
  findRoute,
  hopsElsewhere,
  journeyMasses,
  populationChoices,
  rankedRoutes,
  routeBadges,
  routeEdges,
  routeHighlight,
  routeSteps,
  seedProblem,
  totalSuccesses,
} from "./attackSurface";
import { journeyFlow } from "./graph";
import type { ModelDoc } from "./model";

// The engine's own answer for the consumer identity fixture (seed 24680, 200 iterations),
// baseline and the scenario that puts a document check at the end of recovery; and the
// fixture itself, so edge ids are checked against the canvas the editor really draws.
const baseline: RoutesView = ROUTES_SAMPLE.baseline;
const fixed: RoutesView = ROUTES_SAMPLE.fixed;
const files = import.meta.glob("../../../fixtures/consumer-identity.json", { eager: true, import: "default" }) as Record<string, ModelDoc>;
const fixture = () => structuredClone(Object.values(files)[0]!);

const populations = () => populationChoices(baseline).map((p) => p.id);

describe("attack surface: populations and ranked routes", () => {
  it("offers attackers first, then legitimate populations, each in the model's order", () => {
    expect(ROUTES_SAMPLE.fixture).toBe("consumer-identity.json");
    const choices = populationChoices(baseline);
    expect(choices.map((p) => [p.id, p.kind])).toEqual([
      ["cs_bots", "attacker"],
      ["sim_swappers", "attacker"],
      ["fake_signups", "attacker"],
      ["customers", "legitimate"],
    ]);
    expect(choices.find((p) => p.id === "sim_swappers")?.name).toBe("SIM-swappers (targeted account takeover)");
  });

  it.each(["cs_bots", "sim_swappers", "fake_signups", "customers"])("%s: routes ranked by successes across journeys, the first is the engine's main route", (pop) => {
    const rows = rankedRoutes(baseline, pop);
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.odds.successes).toBeGreaterThanOrEqual(rows[i]!.odds.successes);
    const main = baseline.report.main_routes.find((m) => m.population === pop)!;
    expect(rows[0]!.journey).toBe(main.journey);
    expect(rows[0]!.route.key).toBe(main.route);
    expect(rows[0]!.odds.p.mean).toBe(main.p);
    expect(rows[0]!.share).toBeCloseTo(main.share, 12);
    expect(rows.filter((r) => r.main)).toEqual([rows[0]]);
    // Share = successes over the population's successes in every journey it enters.
    const total = totalSuccesses(baseline, pop);
    for (const r of rows) {
      expect(r.share).toBeCloseTo(r.odds.successes / total, 15);
      expect(r.odds.p.mean).toBeGreaterThan(POSSIBLE);
    }
    // Every possible listed route of every journey it enters, and only those.
    const possible = baseline.report.journeys.flatMap((j) =>
      j.routes.filter((r) => (r.odds.find((o) => o.population === pop)?.p.mean ?? 0) > POSSIBLE).map((r) => `${j.journey}|${r.key}`),
    );
    expect(rows.map((r) => `${r.journey}|${r.route.key}`).sort()).toEqual(possible.sort());
  });

  it("sim-swappers: routes through sign-in, recovery and payout change; the shares add up to all their successes", () => {
    const rows = rankedRoutes(baseline, "sim_swappers");
    expect(new Set(rows.map((r) => r.journey))).toEqual(new Set(["sign_in", "recovery", "payout_change"]));
    // Every journey is fully enumerated and nothing goes through loops here, so the
    // listed routes carry every success.
    const sum = rows.reduce((s, r) => s + r.share, 0);
    expect(sum).toBeCloseTo(1, 9);
    // The main route is sign-in's SMS route: recovery's SMS route is less likely per
    // entrant (66 % against 91 %) and carries fewer successes.
    const main = rows[0]!;
    expect(main.route.label).toBe("Rate limiting → Password → SMS code");
    expect(routeBadges(main.route, main.main)).toEqual(["AAL2", "PSTN", "main"]);
    // The test id index is the route's place in its journey's list.
    for (const r of rows) expect(baseline.report.journeys.find((j) => j.journey === r.journey)!.routes[r.index]!.key).toBe(r.route.key);
  });

  it("badges name assurance, phishing resistance, PSTN and the desk in words", () => {
    const recovery = baseline.report.journeys.find((j) => j.journey === "recovery")!;
    const desk = recovery.routes.find((r) => r.desk && r.aal === 1)!;
    expect(routeBadges(desk, false)).toEqual(["AAL1", "desk"]);
    const signIn = baseline.report.journeys.find((j) => j.journey === "sign_in")!;
    const passkey = signIn.routes.find((r) => r.phishing_resistant)!;
    expect(routeBadges(passkey, false)).toEqual(["AAL2", "phishing-resistant"]);
  });

  it("says where the rest of a population's success goes, through the desk for customers", () => {
    const masses = journeyMasses(baseline, "customers", "month");
    expect(masses.map((m) => m.journey)).toEqual(["registration", "sign_in", "recovery", "payout_change"]);
    const recovery = masses.find((m) => m.journey === "recovery")!;
    const deskRoutes = baseline.report.journeys.find((j) => j.journey === "recovery")!.routes.filter((r) => r.desk);
    expect(recovery.deskSuccesses).toBeCloseTo(deskRoutes.reduce((s, r) => s + r.odds.find((o) => o.population === "customers")!.successes, 0), 9);
    expect(recovery.population.through_desk).toBeGreaterThan(0.1);
    expect(recovery.lines.join(" · ")).toContain(`through the desk ${share(recovery.population.through_desk)} of entrants`);
    expect(recovery.lines.join(" · ")).toContain("through loops");
    expect(masses.find((m) => m.journey === "sign_in")!.lines).toContain("through the desk 0 %");
  });

  it("says when enumeration stopped at a cap and loops cannot be told apart", () => {
    const capped = structuredClone(baseline);
    const j = capped.report.journeys.find((x) => x.journey === "recovery")!;
    j.complete = false;
    for (const p of j.populations) p.through_loops = null;
    const lines = journeyMasses(capped, "sim_swappers", "month").find((m) => m.journey === "recovery")!.lines.join(" · ");
    expect(lines).toContain("through loops not separated (enumeration capped)");
    expect(lines).toContain(`enumeration capped at ${j.enumerated} routes`);
  });
});

describe("attack surface: a route on the canvas", () => {
  it("maps every hop of every route to an edge the editor draws, with the same target", () => {
    const doc = fixture();
    let checked = 0;
    for (const j of baseline.report.journeys) {
      const edges = new Map(journeyFlow(doc, j.journey).edges.map((e) => [e.id, e.target]));
      for (const route of j.routes) {
        const ids = routeEdges(doc, route);
        expect(ids).toHaveLength(route.hops.length);
        for (const e of ids) {
          expect(edges.get(e.id), `${j.journey} ${e.id}`).toBe(e.target);
          checked++;
        }
        // The last hop goes into the success outcome.
        expect(ids.at(-1)!.target).toBe(route.outcome);
        expect(hopsElsewhere(doc, route)).toBe(0);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("the recovery route of the recovery-weaker finding is start → SMS code → new password → notify → recovered", () => {
    const doc = fixture();
    const finding = baseline.report.findings.find((f) => f.code === "recovery_weaker")!;
    const route = findRoute(baseline, finding.journey, finding.route!)!;
    expect(routeEdges(doc, route).map((e) => e.id)).toEqual(["start:next", "choose_method:to.1", "sms_code:on.pass", "new_password:next", "notify:next"]);
    const h = routeHighlight(doc, route);
    expect([...h.nodes]).toEqual(["start", "choose_method", "sms_code", "new_password", "notify", "recovered"]);
    expect(routeSteps(doc, route).map((s) => (s.exit ? `${s.name} (${s.exit})` : s.name))).toEqual([
      "Forgot password: enter email or phone",
      "Choose how to recover",
      "Reset code by SMS (pass)",
      "Choose a new password",
      "Notify old email and phone of the change",
      "recovered",
    ]);
  });

  it("a scenario's route over re-pointed exits is flagged: the canvas shows the model", () => {
    const doc = fixture();
    const recovery = fixed.report.journeys.find((j) => j.journey === "recovery")!;
    const viaIdv = recovery.routes.find((r) => r.hops.some((h) => h.step === "sms_code" && h.exit === "pass"))!;
    expect(viaIdv.hops.find((h) => h.step === "sms_code")!.target).toBe("idv");
    expect(hopsElsewhere(doc, viaIdv)).toBe(1);
    const edge: Edge = { id: "sms_code:on.pass", source: "sms_code", target: "new_password" };
    const drawn = decorateRouteEdge(edge, routeHighlight(doc, viaIdv));
    expect(drawn.domAttributes).toEqual({ "data-route-edge": "changed" });
    expect(drawn.className).toContain("edge-route-changed");
  });

  it("draws the route's edges thick and violet, marked, and dims the others; nothing without a route", () => {
    const doc = fixture();
    const main = baseline.report.main_routes.find((m) => m.population === "sim_swappers")!;
    const route = findRoute(baseline, main.journey, main.route)!;
    const h = routeHighlight(doc, route);
    const flow = journeyFlow(doc, "sign_in");
    const drawn = flow.edges.map((e) => decorateRouteEdge<Edge>({ id: e.id, source: e.source, target: e.target }, h));
    const on = drawn.filter((e) => e.domAttributes?.["data-route-edge" as keyof typeof e.domAttributes] === "true").map((e) => e.id);
    expect(on).toEqual(["identify:next", "rate_limit:on.pass", "password:on.pass", "second_factor:to.1", "sms_code:on.pass"]);
    for (const e of drawn) {
      if (on.includes(e.id)) expect(e.style).toMatchObject({ stroke: ROUTE_COLOUR, strokeWidth: 5 });
      else expect(e.style?.opacity).toBe(0.25);
    }
    const plain: Edge = { id: "x", source: "a", target: "b" };
    expect(decorateRouteEdge(plain, null)).toBe(plain);
  });
});

describe("attack surface: findings, access and a scenario's changes", () => {
  it("keeps the engine's order of findings, most severe first", () => {
    const order = { high: 0, medium: 1, low: 2 };
    const sev = baseline.report.findings.map((f) => order[f.severity]);
    expect([...sev].sort()).toEqual(sev);
    expect(baseline.report.findings[0]!.code).toBe("recovery_weaker");
  });

  it("the access table says recovery is weaker than the sign-in it restores", () => {
    const rows = accessLines(baseline);
    expect(rows.map((r) => r.journey)).toEqual(["sign_in", "recovery"]);
    const [signIn, recovery] = rows;
    expect(signIn).toMatchObject({ name: "Sign-in", kind: "sign_in", restores: "—", requiredAal: "AAL2", weakestAal: 2, weaker: null });
    expect(recovery).toMatchObject({ name: "Account recovery", kind: "recovery", restores: "Sign-in", requiredAal: "—", weakest: "Reset code by SMS", weakestAal: 1, weaker: "weaker than Sign-in (AAL2)" });
    expect(recovery!.attackers.map((a) => a.name)).toEqual(["SIM-swappers (targeted account takeover)"]);
    expect(signIn!.attackers.map((a) => a.id)).toEqual(["cs_bots", "sim_swappers"]);
    // With the document check, recovery reaches AAL2 and is no longer weaker.
    expect(accessLines(fixed).find((r) => r.journey === "recovery")).toMatchObject({ weakestAal: 2, weaker: null });
  });

  it("shows a scenario's changes attackers first, eight of them and how many more", () => {
    expect(changeLines(baseline)).toEqual({ shown: [], more: 0 });
    const { shown, more } = changeLines(fixed);
    expect(fixed.changes.length).toBeGreaterThan(8);
    expect(shown).toHaveLength(8);
    expect(more).toBe(fixed.changes.length - 8);
    const kinds = changeLines(fixed, 100).shown.map((c) => c.population_kind);
    expect(kinds.indexOf("legitimate")).toBeGreaterThan(kinds.lastIndexOf("attacker"));
    expect(shown[0]!.sentence).toMatch(/^closes the route “Reset code by SMS” of Account recovery for SIM-swappers/);
    expect(fixed.finding_changes.resolved.map((f) => f.code)).toEqual(["recovery_weaker"]);
    expect(fixed.report.findings.some((f) => f.code === "recovery_weaker")).toBe(false);
  });

  it("takes only a decimal u64 as seed", () => {
    expect(seedProblem("24680")).toBeNull();
    expect(seedProblem("18446744073709551615")).toBeNull();
    expect(seedProblem("18446744073709551616")).toMatch(/at most/);
    expect(seedProblem("")).toMatch(/whole number/);
    expect(seedProblem("-1")).toMatch(/whole number/);
    expect(seedProblem("1e3")).toMatch(/whole number/);
  });

  it("every population of the sample ranks at least one route", () => {
    for (const p of populations()) expect(rankedRoutes(baseline, p).length).toBeGreaterThan(0);
  });
});
