// A small model with one risk gate, owners and guardrails, for the explorer's tests.

import type { ModelDoc } from "../editor/model";

export function gateDoc(options: { loss?: number } = {}): ModelDoc {
  return {
    format: "journeylab/1",
    name: "Gate test",
    currency: "USD",
    populations: [
      { id: "customers", kind: "legitimate" },
      { id: "stuffers", kind: "attacker", loss_per_success: options.loss ?? 250 },
    ],
    risk_signals: [{ id: "login_risk", name: "Login risk" }],
    journeys: [
      {
        id: "login",
        name: "Sign in",
        entry: "risk",
        entrants: [
          { population: "customers", volume: 1000 },
          { population: "stuffers", volume: 100 },
        ],
        steps: [
          {
            id: "risk",
            kind: "risk_gate",
            name: "Sign-in risk check",
            signal: "login_risk",
            allow_below: 0.3,
            block_at_or_above: 0.9,
            on: { allow: "success", challenge: "otp", block: "blocked" },
          },
          { id: "otp", kind: "action", next: "success" },
        ],
      },
    ],
    owners: {
      accountable: "VP",
      teams: [
        { id: "identity", name: "Identity Platform", decides: ["controls"] },
        { id: "fraud_risk", name: "Fraud & Risk", decides: ["risk_thresholds"] },
      ],
    },
    guardrails: [
      { id: "legit_success", owner: "identity", metric: "legit_success_rate", min: 0.9 },
      { id: "fraud_loss", owner: "fraud_risk", metric: "fraud_loss", max: 60000 },
      { id: "bot_success", owner: "fraud_risk", metric: "success_rate", journey: "login", population: "stuffers", max: 0.2 },
    ],
    scenarios: [{ id: "existing", name: "Existing", changes: [] }],
  };
}
