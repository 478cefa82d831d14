// Generated from the Rust crates by crates/app/src/bindings.rs: do not edit.
// Regenerate: JOURNEYLAB_BLESS=1 cargo test -p journeylab-app --test bindings
import type { Vocabulary } from "./Vocabulary";

/** The engine's vocabulary (crates/engine/src/vocab.rs): metric catalogue, step kinds and exits, decision areas, distributions. */
export const VOCABULARY: Vocabulary = {
  "total_metrics": [
    {
      "id": "legit_entrants",
      "label": "Legitimate entrants",
      "unit": "count",
      "higher_is_better": null,
      "description": "legitimate users entering any journey"
    },
    {
      "id": "legit_success",
      "label": "Legitimate successes",
      "unit": "count",
      "higher_is_better": true,
      "description": "legitimate users reaching a success outcome"
    },
    {
      "id": "legit_success_rate",
      "label": "Legitimate success rate",
      "unit": "rate",
      "higher_is_better": true,
      "description": "legitimate successes / legitimate entrants"
    },
    {
      "id": "legit_abandon_rate",
      "label": "Legitimate abandonment",
      "unit": "rate",
      "higher_is_better": false,
      "description": "legitimate users who gave up / legitimate entrants"
    },
    {
      "id": "false_reject_rate",
      "label": "False rejects",
      "unit": "rate",
      "higher_is_better": false,
      "description": "legitimate users blocked / legitimate entrants"
    },
    {
      "id": "attack_entrants",
      "label": "Attack attempts",
      "unit": "count",
      "higher_is_better": null,
      "description": "attackers entering any journey"
    },
    {
      "id": "attack_success",
      "label": "Successful attacks",
      "unit": "count",
      "higher_is_better": false,
      "description": "attackers reaching a success outcome"
    },
    {
      "id": "attack_stopped_rate",
      "label": "Attacks stopped",
      "unit": "rate",
      "higher_is_better": true,
      "description": "1 − successful attacks / attack attempts"
    },
    {
      "id": "fraud_loss",
      "label": "Fraud loss",
      "unit": "money",
      "higher_is_better": false,
      "description": "successful attacks × loss per success"
    },
    {
      "id": "support_contacts",
      "label": "Support contacts",
      "unit": "count",
      "higher_is_better": false,
      "description": "visits to support steps, every population"
    },
    {
      "id": "support_cost",
      "label": "Support cost",
      "unit": "money",
      "higher_is_better": false,
      "description": "support contacts × cost per contact"
    },
    {
      "id": "control_cost",
      "label": "Control cost",
      "unit": "money",
      "higher_is_better": false,
      "description": "control attempts × cost per attempt"
    },
    {
      "id": "customer_hours",
      "label": "Customer time",
      "unit": "hours",
      "higher_is_better": false,
      "description": "hours legitimate users spend in the journeys"
    },
    {
      "id": "value",
      "label": "Value of legitimate successes",
      "unit": "money",
      "higher_is_better": true,
      "description": "legitimate successes × value per success"
    },
    {
      "id": "net_value",
      "label": "Net value",
      "unit": "money",
      "higher_is_better": true,
      "description": "value − fraud loss − support cost − control cost"
    }
  ],
  "scoped_metrics": [
    {
      "id": "entrants",
      "label": "Entrants",
      "unit": "count",
      "higher_is_better": null,
      "description": "users entering the selection"
    },
    {
      "id": "success",
      "label": "Successes",
      "unit": "count",
      "higher_is_better": null,
      "description": "users reaching a success outcome"
    },
    {
      "id": "abandoned",
      "label": "Abandoned",
      "unit": "count",
      "higher_is_better": null,
      "description": "users who gave up"
    },
    {
      "id": "blocked",
      "label": "Blocked",
      "unit": "count",
      "higher_is_better": null,
      "description": "users who were stopped"
    },
    {
      "id": "attempts",
      "label": "Control attempts",
      "unit": "count",
      "higher_is_better": false,
      "description": "control attempts (rounds of §5)"
    },
    {
      "id": "support_contacts",
      "label": "Support contacts",
      "unit": "count",
      "higher_is_better": false,
      "description": "visits to support steps"
    },
    {
      "id": "control_cost",
      "label": "Control cost",
      "unit": "money",
      "higher_is_better": false,
      "description": "attempts × cost per attempt"
    },
    {
      "id": "support_cost",
      "label": "Support cost",
      "unit": "money",
      "higher_is_better": false,
      "description": "contacts × cost per contact"
    },
    {
      "id": "customer_seconds",
      "label": "Time spent",
      "unit": "seconds",
      "higher_is_better": false,
      "description": "seconds spent in the journey"
    },
    {
      "id": "value",
      "label": "Value",
      "unit": "money",
      "higher_is_better": true,
      "description": "successes × value per success (legitimate)"
    },
    {
      "id": "loss",
      "label": "Loss",
      "unit": "money",
      "higher_is_better": false,
      "description": "successes × loss per success (attackers)"
    },
    {
      "id": "success_rate",
      "label": "Success rate",
      "unit": "rate",
      "higher_is_better": null,
      "description": "successes / entrants"
    },
    {
      "id": "abandon_rate",
      "label": "Abandonment",
      "unit": "rate",
      "higher_is_better": null,
      "description": "abandoned / entrants"
    },
    {
      "id": "blocked_rate",
      "label": "Blocked rate",
      "unit": "rate",
      "higher_is_better": null,
      "description": "blocked / entrants"
    }
  ],
  "step_kinds": [
    {
      "kind": "action",
      "label": "Action",
      "exits": [
        {
          "key": "next",
          "default_target": null
        },
        {
          "key": "abandon",
          "default_target": "abandoned"
        }
      ]
    },
    {
      "kind": "control",
      "label": "Control",
      "exits": [
        {
          "key": "pass",
          "default_target": null
        },
        {
          "key": "fail",
          "default_target": "blocked"
        },
        {
          "key": "abandon",
          "default_target": "abandoned"
        }
      ]
    },
    {
      "kind": "risk_gate",
      "label": "Risk gate",
      "exits": [
        {
          "key": "allow",
          "default_target": null
        },
        {
          "key": "challenge",
          "default_target": null
        },
        {
          "key": "block",
          "default_target": "blocked"
        }
      ]
    },
    {
      "kind": "branch",
      "label": "Branch",
      "exits": []
    },
    {
      "kind": "support",
      "label": "Support desk",
      "exits": [
        {
          "key": "resolved",
          "default_target": null
        },
        {
          "key": "unresolved",
          "default_target": "abandoned"
        }
      ]
    },
    {
      "kind": "outcome",
      "label": "Outcome",
      "exits": []
    }
  ],
  "outcome_classes": [
    "success",
    "abandoned",
    "blocked"
  ],
  "population_kinds": [
    "legitimate",
    "attacker"
  ],
  "population_wildcards": [
    "*legitimate",
    "*attacker",
    "*"
  ],
  "decision_areas": [
    "risk_thresholds",
    "assurance",
    "controls",
    "journey_structure",
    "retry_policy",
    "support_routing",
    "data_collection",
    "consent"
  ],
  "distributions": [
    {
      "key": "fixed",
      "params": [
        "value"
      ]
    },
    {
      "key": "uniform",
      "params": [
        "low",
        "high"
      ]
    },
    {
      "key": "triangular",
      "params": [
        "low",
        "mode",
        "high"
      ]
    },
    {
      "key": "pert",
      "params": [
        "low",
        "mode",
        "high"
      ]
    },
    {
      "key": "beta",
      "params": [
        "a",
        "b"
      ]
    },
    {
      "key": "lognormal",
      "params": [
        "p5",
        "p95"
      ]
    }
  ],
  "control_factors": [
    "knowledge",
    "possession",
    "inherence",
    "bot_defence",
    "verification",
    "other"
  ],
  "journey_kinds": [
    "registration",
    "sign_in",
    "recovery",
    "step_up",
    "transaction",
    "other"
  ],
  "control_channels": [
    "pstn",
    "email",
    "app",
    "platform",
    "hardware",
    "knowledge",
    "document",
    "in_person",
    "other"
  ],
  "samplings": [
    {
      "id": "mc",
      "label": "Monte Carlo",
      "description": "Independent draws: honest intervals for every metric.",
      "replicates": null
    },
    {
      "id": "rqmc",
      "label": "Quasi-random",
      "description": "Scrambled Sobol points: the same precision in fewer iterations. Intervals of money metrics driven by a heavy-tailed loss run narrow (about 89 % coverage for a nominal 95 %).",
      "replicates": 32
    }
  ]
};
