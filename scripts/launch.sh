#!/usr/bin/env bash
# Installs whatever is missing (apt packages, npm packages, the UI and desktop builds),
# then starts Journey Lab. Without a display (no DISPLAY / WAYLAND_DISPLAY) the app runs
# under Xvfb, so the command still works on a headless machine. Extra arguments go to
# the app. Safe to run again: each step checks first and is quick when nothing changed.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

headless=0
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  headless=1
fi

step "system packages"
if [[ $headless -eq 1 ]]; then
  ensure_apt_packages "${APP_APT_PACKAGES[@]}" "${HEADLESS_APT_PACKAGES[@]}"
else
  ensure_apt_packages "${APP_APT_PACKAGES[@]}"
fi

step "UI packages (npm ci)"
ensure_npm_deps

step "UI build (ui/dist)"
build_ui

step "desktop build (cargo build -p journeylab-desktop --features custom-protocol)"
cargo build -p journeylab-desktop --features custom-protocol

app="$REPO_ROOT/target/debug/journeylab-desktop"
step "starting Journey Lab"
if [[ $headless -eq 1 ]]; then
  echo "no DISPLAY: running under Xvfb (xvfb-run -a); stop with Ctrl-C"
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$app" "$@"
fi
exec "$app" "$@"
