//! Which process owns a running run, and whether that process is still alive.
//!
//! `begin_run` stores a *process token* with the run. On Linux it is
//! `linux:<boot id>:<pid>:<start time in clock ticks>` read from `/proc`, which tells a
//! live owner from a dead one even when the pid has since been reused or the machine has
//! rebooted. Elsewhere (or without `/proc`) it is `pid:<pid>`, and liveness cannot be
//! checked: such a run is treated as interrupted once it is older than
//! [`STALE_AFTER_HOURS`] and owned by another process.

/// On systems without `/proc`, a run left `running` by another process is taken as
/// interrupted after this many hours.
pub const STALE_AFTER_HOURS: i64 = 24;

/// What the store can tell about the owner of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Liveness {
    /// The owner is this very process (or another handle in it).
    Me,
    /// The owner is another process that is still running.
    Alive,
    /// The owner has ended.
    Dead,
    /// The owner cannot be checked on this system.
    Unknown,
}

/// The token of the current process.
pub(crate) fn current_token() -> String {
    let pid = std::process::id();
    match (boot_id(), start_time(pid)) {
        (Some(boot), Some(start)) => format!("linux:{boot}:{pid}:{start}"),
        _ => format!("pid:{pid}"),
    }
}

/// Whether the process that wrote `token` is alive, seen from a process whose own token is
/// `me`.
pub(crate) fn liveness(token: Option<&str>, me: &str) -> Liveness {
    let Some(token) = token else {
        return Liveness::Unknown;
    };
    if token == me {
        return Liveness::Me;
    }
    let mut parts = token.split(':');
    if parts.next() != Some("linux") {
        return Liveness::Unknown;
    }
    let (Some(boot), Some(pid), Some(start), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Liveness::Unknown;
    };
    let Some(my_boot) = boot_id() else {
        return Liveness::Unknown;
    };
    if boot != my_boot {
        return Liveness::Dead; // the machine has rebooted since
    }
    let Ok(pid) = pid.parse::<u32>() else {
        return Liveness::Unknown;
    };
    match stat(pid) {
        None => Liveness::Dead,
        Some(stat) if stat.zombie => Liveness::Dead,
        Some(stat) if stat.start_time.to_string() != start => Liveness::Dead, // pid reused
        Some(_) => Liveness::Alive,
    }
}

fn boot_id() -> Option<String> {
    let text = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let id = text.trim();
    (!id.is_empty() && !id.contains(':')).then(|| id.to_string())
}

fn start_time(pid: u32) -> Option<u64> {
    stat(pid).map(|s| s.start_time)
}

struct Stat {
    zombie: bool,
    start_time: u64,
}

/// Reads `/proc/<pid>/stat`: the state (field 3) and the start time (field 22). The command
/// name (field 2) may hold spaces and parentheses, so fields are counted after its last `)`.
fn stat(pid: u32) -> Option<Stat> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &text[text.rfind(')')? + 1..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let state = *fields.first()?;
    let start_time = fields.get(19)?.parse().ok()?;
    Some(Stat {
        zombie: state == "Z" || state == "X",
        start_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_token_is_me() {
        let me = current_token();
        assert_eq!(liveness(Some(&me), &me), Liveness::Me);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_tokens_tell_alive_from_dead() {
        let me = current_token();
        assert!(me.starts_with("linux:"), "{me}");
        // Our own process seen from another token: alive.
        assert_eq!(liveness(Some(&me), "other"), Liveness::Alive);
        // A child that has exited and been reaped: dead.
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("spawn true");
        let pid = child.id();
        let token = format!(
            "linux:{}:{pid}:{}",
            boot_id().expect("boot id"),
            start_time(pid).unwrap_or(0)
        );
        child.wait().expect("wait");
        assert_eq!(liveness(Some(&token), &me), Liveness::Dead);
        // Another boot: dead. Same pid but another start time: dead (pid reuse).
        let pid = std::process::id();
        assert_eq!(
            liveness(Some(&format!("linux:other-boot:{pid}:1")), &me),
            Liveness::Dead
        );
        let boot = boot_id().expect("boot id");
        assert_eq!(
            liveness(Some(&format!("linux:{boot}:{pid}:1")), &me),
            Liveness::Dead
        );
        // Unknown forms.
        assert_eq!(liveness(Some("pid:1"), &me), Liveness::Unknown);
        assert_eq!(liveness(None, &me), Liveness::Unknown);
    }
}
