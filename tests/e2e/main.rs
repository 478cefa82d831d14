//! End-to-end tests of the desktop app: the real `journeylab-desktop` binary, driven over
//! WebDriver (tauri-driver + WebKitWebDriver) under Xvfb. See `harness.rs` for how a test
//! runs; to add one, write an `async fn(&mut Ctx) -> TestResult` and list it below.
//!
//! Run: `cargo test --workspace --features journeylab-desktop/custom-protocol --test e2e [filter]`
//! (the flags of `scripts/test.sh`, so its build is reused; needs tauri-driver, which
//! `scripts/test.sh` installs).

#[macro_use]
mod harness;

mod accessibility; // axe-core on every screen; a journey built and run by keyboard alone
mod analysis; // stop on precision, the sensitivity of a run (tornado, drivers)
mod decisions; // request, sign off, accept, the pack, stale after an edit
mod editor; // the journey editor: build, save, reopen, validation on nodes, undo, screenshots
mod evidence; // fit from counts, an elicitation round, observed vs simulated on a run
mod explorer; // the threshold explorer: sliders, engine numbers, latency, save as scenario
mod flows; // the flow overlay after a run: edge shares equal the engine's, per population
mod large_model; // a 200-step journey: opening, frame times while zooming, an edit
mod package; // the installed .deb: starts and lists the examples it carries (smoke script only)
mod results; // running a model: progress, dashboard, comparison, cancel, history
mod routes; // the editor's attack surface: ranked routes, findings, a route on the canvas, a scenario
mod start_screen; // the window, the example list, opening a model, listing errors
mod steps; // UI steps the tests share: open an example, select a node, run, type, save
mod whatif; // the editor's live what-if: toggle, edit, the numbers change
mod workshop; // agenda, presenter and audience windows, a decision, resume after a kill, the summary

fn main() -> std::process::ExitCode {
    let mut tests = vec![
        e2e_test!(accessibility::no_serious_axe_violation_on_any_screen),
        e2e_test!(accessibility::builds_and_runs_a_journey_by_keyboard_only),
        e2e_test!(start_screen::window_opens),
        e2e_test!(start_screen::example_list_shows_every_fixture),
        e2e_test!(start_screen::opening_an_example_shows_its_journeys),
        e2e_test!(start_screen::an_empty_examples_folder_says_so),
        e2e_test!(start_screen::a_model_without_journeys_says_so),
        e2e_test!(start_screen::a_listing_error_shows_its_code_and_message),
        e2e_test!(start_screen::content_security_policy_is_enforced),
        e2e_test!(start_screen::saves_review_screenshots),
        e2e_test!(decisions::a_scenario_is_decided_packed_and_goes_stale),
        e2e_test!(results::a_run_shows_progress_then_the_engines_numbers),
        e2e_test!(results::cancelling_a_long_run_marks_it_cancelled),
        e2e_test!(results::a_run_reopens_from_the_history),
        e2e_test!(results::a_quasi_random_run_shows_the_engines_numbers),
        e2e_test!(editor::builds_saves_and_reopens_a_journey),
        e2e_test!(editor::a_dangling_exit_shows_an_error_on_its_node),
        e2e_test!(editor::undo_brings_back_a_deleted_step),
        e2e_test!(editor::edits_a_risk_signal_in_its_panel),
        e2e_test!(editor::saves_editor_screenshots),
        e2e_test!(whatif::live_what_if_sees_a_risk_gate_edit),
        e2e_test!(evidence::fits_an_abandonment_rate_from_counts_and_saves_it),
        e2e_test!(evidence::an_elicitation_round_with_three_experts_hidden_then_revealed),
        e2e_test!(evidence::observed_counts_that_disagree_are_flagged),
        e2e_test!(explorer::threshold_explorer_follows_the_sliders),
        e2e_test!(explorer::threshold_explorer_latency_on_every_fixture),
        e2e_test!(flows::edges_show_a_populations_flow_after_a_run),
        e2e_test!(routes::attack_surface_lists_routes_and_loses_the_finding),
        e2e_test!(workshop::a_workshop_runs_with_an_audience_window_and_resumes),
        e2e_test!(large_model::a_200_step_journey_stays_responsive),
        e2e_test!(analysis::a_run_stops_when_precise_enough),
        e2e_test!(analysis::sensitivity_shows_the_runs_drivers),
    ];
    // The package test needs the unpacked .deb (scripts/package-smoke.sh); it stands
    // alone, against the installed binary.
    if package::package_root().is_some() {
        tests = vec![e2e_test!(package::installed_app_shows_the_bundled_examples)];
    }
    harness::run(&tests)
}
