#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test:
#   rustfmt, clippy (-D warnings), eslint, import cycles, vitest, the UI build, the Rust tests of every
#   crate, the end-to-end tests of the real desktop app under Xvfb, and the installable
#   package (the .deb built, unpacked and started).
# Installs (only when missing): apt packages (WebKitGTK and GTK dev files, Mesa GL, a
# font, Xvfb, xauth, WebKitWebDriver), rustfmt/clippy, `npm ci` in ui/, tauri-driver.
#
# Builds the Tauri stack as few times as possible: clippy and the tests use the same
# package selection (--workspace) and feature set (custom-protocol), so build scripts
# and proc macros are shared, and a single `cargo test` builds the app, the pure crates'
# tests and the e2e test together.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

FEATURES=(--workspace --features journeylab-desktop/custom-protocol)
started=$(date +%s)
results=()
failed=0

# Runs one check, times it, and keeps going on failure (the summary lists every result).
check() {
  local name="$1" t0 status
  shift
  step "$name"
  t0=$(date +%s)
  if "$@"; then status=ok; else status=FAILED; failed=1; fi
  results+=("$(printf '%-8s %5ss  %s' "$status" "$(($(date +%s) - t0))" "$name")")
}

# Installing stops at the first failure: nothing after it could work.
t0=$(date +%s)
step "system packages"
ensure_apt_packages "${APP_APT_PACKAGES[@]}" "${HEADLESS_APT_PACKAGES[@]}" "${E2E_APT_PACKAGES[@]}"
step "Rust components"
ensure_rust_components
step "UI packages (npm ci)"
ensure_npm_deps
step "tauri-driver"
ensure_tauri_driver
results+=("$(printf '%-8s %5ss  %s' ok "$(($(date +%s) - t0))" "install what is missing")")

check "cargo fmt --check" cargo fmt --all -- --check
check "eslint" bash -c 'cd ui && npx eslint . --max-warnings 0'
check "no import cycles (UI modules, Rust modules)" bash -c 'cd ui && npm run --silent cycles && cd .. && python3 scripts/module-cycles.py crates/engine crates/store crates/charts crates/app'
check "vitest" bash -c 'cd ui && npx vitest run'
check "UI build (tsc + vite)" build_ui
check "cargo clippy -D warnings" cargo clippy "${FEATURES[@]}" --all-targets --keep-going -- -D warnings
# The e2e test binary starts Xvfb itself (xvfb-run -a) when it is not already under one.
check "cargo test (all crates + e2e under Xvfb)" cargo test "${FEATURES[@]}" --no-fail-fast
check "installable package: build the .deb, unpack it, start it over WebDriver" scripts/package-smoke.sh

printf '\n==> summary (%ss in total)\n' "$(($(date +%s) - started))"
printf '%s\n' "${results[@]}"
exit "$failed"
