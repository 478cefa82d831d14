//! A progress bar on stderr, shown only on a terminal and only once a run has taken
//! more than a second (short runs stay quiet, pipes and CI logs stay clean); it is also
//! how a run hears SIGINT or SIGTERM ([`interrupted`]): the engine asks it whether to
//! stop, so an interrupted run ends cleanly and is stored as cancelled.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use journeylab_engine::Progress;

/// Set by the first SIGINT or SIGTERM (a second one exits at once).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Exit code after an interrupt (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: u8 = 130;

/// Installs the handler: the first signal asks the running command to stop; a second
/// ends the process.
pub fn catch_interrupts() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
        eprintln!("\ninterrupted: stopping the run (press Ctrl-C again to quit at once)");
    });
}

/// Whether a SIGINT or SIGTERM has arrived.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
    terminal: bool,
}

impl Bar {
    pub fn new(total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{bar:40}] {pos}/{len} iterations  {per_sec}  eta {eta}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    pub fn finish(&self) {
        if self.shown.load(Ordering::Relaxed) {
            self.bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn report(&self, done: u64, _total: u64) {
        if self.terminal
            && !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() > Duration::from_secs(1)
        {
            self.shown.store(true, Ordering::Relaxed);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_position(done.max(self.bar.position()));
    }

    fn cancelled(&self) -> bool {
        interrupted()
    }
}
