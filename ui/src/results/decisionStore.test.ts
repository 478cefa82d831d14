import { describe, expect, it } from "vitest";

import { createMockDecisionsBackend } from "../ipc";
import { createDecisionStore, statusOf, statusWords } from "./decisionStore";

describe("decision store", () => {
  it("requests, records words, refreshes every scenario's status and keeps refusals", async () => {
    const backend = createMockDecisionsBackend({ required: ["identity", "security"], packPath: "/tmp/p.html" });
    const store = createDecisionStore(backend, "m.json");
    await store.getState().loadStatuses();
    expect(statusOf(store.getState().statuses, "passkeys")).toBe("draft");

    await store.getState().openRecord("passkeys");
    expect(store.getState().record).toMatchObject({ status: "ready", data: { status: "draft", request: null } });
    // A refusal is kept, and nothing else changes.
    await store.getState().request(3, "passkeys", "  ", "");
    expect(store.getState().error?.message).toMatch(/who requests/);
    await store.getState().request(3, "passkeys", "Priya", "ship it");
    expect(store.getState().error).toBeNull();
    expect(statusOf(store.getState().statuses, "passkeys")).toBe("in_review");

    await store.getState().say("approve", "identity", "Dana", "ok");
    await store.getState().say("reject", "security", "Sam", "phishing");
    expect(statusOf(store.getState().statuses, "passkeys")).toBe("rejected");
    await store.getState().say("approve", "privacy", "Pat", "fine");
    expect(store.getState().error?.message).toMatch(/not a team that must sign/);
    await store.getState().say("approve", "security", "Sam", "checked");
    await store.getState().say("accept", null, "VP", "go", { residual_risk: "fallback", unmet_guardrails: [], voiding_conditions: "", expires: "2027-06-30" });
    const r = store.getState().record;
    expect(r.status === "ready" && r.data.status).toBe("approved");
    expect(r.status === "ready" && r.data.words.map((w) => w.word)).toEqual(["request", "approve", "reject", "approve", "accept"]);
    expect(statusWords("in_review")).toBe("in review");

    // The pack goes where the dialog says.
    await store.getState().choosePackPath();
    expect(backend.packs).toEqual(["passkeys → /tmp/p.html"]);
    expect(store.getState().packWritten).toBe("/tmp/p.html");
  });
});
