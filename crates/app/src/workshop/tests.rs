//! Workshops on a real workspace: saved, resumed after the store is reopened, checked,
//! and summarised with the judgements, the decision taken and its pack.

use std::collections::BTreeMap;

use journeylab_engine::evidence::{Family, Judgement};
use journeylab_store::Word;

use super::*;
use crate::decisions::{record_word, request_decision, WordRequest};
use crate::open_workspace;
use crate::test_support::{fixture_path, stored_expected_run, temp_workspace};

fn item(title: &str, what: ItemKind) -> WorkshopItem {
    WorkshopItem::new(title, 10, what)
}

fn workshop() -> Workshop {
    Workshop {
        id: None,
        model_key: "consumer-sign-in".into(),
        model_path: fixture_path("consumer-sign-in.json").display().to_string(),
        name: "Passkeys go/no-go".into(),
        items: vec![
            item(
                "The sign-in today",
                ItemKind::Journey {
                    journey: "login".into(),
                    population: Some("customers".into()),
                },
            ),
            item(
                "How much do customers abandon?",
                ItemKind::Elicit {
                    path: "journeys/login/steps/identify/abandon/*legitimate".into(),
                    family: Family::Beta,
                },
            ),
            item(
                "Passkeys first?",
                ItemKind::Decision {
                    scenario: "passkeys_first".into(),
                },
            ),
        ],
        current: 0,
        started_at: None,
        ended_at: None,
    }
}

fn judgement(expert: &str, q: [f64; 3], why: &str) -> Judgement {
    Judgement {
        expert: expert.into(),
        quantiles: BTreeMap::from([
            ("0.05".to_string(), q[0]),
            ("0.5".to_string(), q[1]),
            ("0.95".to_string(), q[2]),
        ]),
        rationale: Some(why.into()),
    }
}

#[test]
fn a_workshop_resumes_where_it_was_after_the_workspace_is_reopened() {
    let (dir, store) = temp_workspace("workshop-resume");
    let mut w = save_workshop(&store, workshop()).expect("save");
    let id = w.id.expect("an id");
    w.current = 2;
    w.started_at = Some("2026-12-06T09:00:00Z".into());
    w.items[0].parking.push(Captured {
        at: "2026-12-06T09:05:00Z".into(),
        text: "Do bots reach the desk?".into(),
    });
    save_workshop(&store, w).expect("resave");
    drop(store);
    let store = open_workspace(Some(&dir.join("ws.db"))).expect("reopen");
    let back = load_workshop(&store, id).expect("load");
    assert_eq!(back.current, 2);
    assert_eq!(back.items[0].parking[0].text, "Do bots reach the desk?");
    let listed = list_workshops(&store, Some("consumer-sign-in")).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].current, listed[0].current_title.as_deref()),
        (3, Some("Passkeys first?"))
    );
    assert!(listed[0].started && !listed[0].ended);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_workshop_with_problems_is_refused_saying_where() {
    let (dir, store) = temp_workspace("workshop-check");
    let mut w = workshop();
    w.name = " ".into();
    w.items[1].minutes = 0;
    w.items[2].what = ItemKind::Decision {
        scenario: String::new(),
    };
    w.current = 7;
    let err = save_workshop(&store, w).expect_err("refused").to_string();
    for part in [
        "needs a name",
        "current item 8 is past the last item (3)",
        "item 2 (How much do customers abandon?): a time box of 0 minutes",
        "item 3 (Passkeys first?): scenario is empty",
    ] {
        assert!(err.contains(part), "{part} in {err}");
    }
    assert!(list_workshops(&store, None).expect("list").is_empty());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_summary_holds_the_agenda_judgements_decision_pack_and_parking_lot() {
    let (dir, store) = temp_workspace("workshop-summary");
    let run_id = stored_expected_run(&store, "consumer-sign-in", 200, 11);
    request_decision(&store, run_id, "passkeys_first", "Priya Shah", "workshop").expect("request");
    record_word(
        &store,
        &WordRequest {
            model_key: "consumer-sign-in".into(),
            scenario: "passkeys_first".into(),
            word: Word::Approve,
            team: Some("identity_platform".into()),
            name: "Dana Ruiz".into(),
            rationale: "fewer resets <and> fewer codes".into(),
            risk_acceptance: None,
        },
    )
    .expect("approve");
    let mut w = workshop();
    w.items[0].shown.push(Captured {
        at: "2026-12-06T09:02:00Z".into(),
        text: "Customers: 94.1 % succeed (seed 11, run 1)".into(),
    });
    w.items[0].elapsed_seconds = 430;
    w.items[1].judgements = vec![
        judgement("Ana", [0.005, 0.012, 0.03], "funnel"),
        judgement("Ben", [0.008, 0.02, 0.05], "support tickets"),
    ];
    w.items[1].revealed = true;
    w.items[2].parking.push(Captured {
        at: "2026-12-06T09:40:00Z".into(),
        text: "Legal: passkey sync and consent".into(),
    });
    let id = save_workshop(&store, w).expect("save").id.expect("id");
    let out = dir.join("out").join("summary.html");
    std::fs::create_dir_all(out.parent().expect("parent")).expect("dir");
    let written = export_workshop_summary(&store, id, &out).expect("export");
    assert_eq!(written.len(), 2, "the summary and one pack: {written:?}");
    let html = std::fs::read_to_string(&out).expect("read");
    for part in [
        "Passkeys go/no-go",
        "The sign-in today",
        "7:10",
        "Customers: 94.1 % succeed (seed 11, run 1)",
        "<td>Ana</td>",
        "support tickets",
        "The answers were revealed to the room.",
        "Equal-weight pool fitted as <code>{&quot;beta&quot;",
        "Dana Ruiz",
        "fewer resets &lt;and&gt; fewer codes",
        "summary-decision-passkeys-first.html",
        "Legal: passkey sync and consent",
    ] {
        assert!(html.contains(part), "{part} in the summary");
    }
    assert!(!html.contains("<script"), "no script");
    let pack = std::fs::read_to_string(&written[1]).expect("pack");
    assert!(pack.contains("Dana Ruiz"));
    let _ = std::fs::remove_dir_all(dir);
}
