#!/usr/bin/env bash
# Builds the installable Debian package of the desktop app with the Tauri bundler
# (the CLI from npm, `@tauri-apps/cli`, a dev dependency of ui/):
#
#   scripts/package.sh            # release build → target/release/bundle/deb/*.deb
#   scripts/package.sh --debug    # the dev build the tests use → target/debug/bundle/deb/*.deb
#
# The package declares its dependencies (WebKitGTK, GTK), installs the binary as
# /usr/bin/journeylab-desktop, the example models under /usr/lib/Journey Lab/fixtures,
# a desktop entry and the icon. Install with `sudo apt install ./<file>.deb`.
# AppImage is left out on purpose: its bundler downloads tools at build time, which
# machines without network access cannot do. Idempotent: reruns rebuild incrementally.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

profile=release
bundle_args=()
if [[ "${1:-}" == "--debug" ]]; then
  profile=debug
  bundle_args+=(--debug)
fi

step "system packages"
ensure_apt_packages "${APP_APT_PACKAGES[@]}"
step "UI packages and build"
ensure_npm_deps
build_ui
step "tauri build --bundles deb ($profile)"

# --ci: no prompts; --bundles deb: the one target this machine can build offline. The
# workspace's default members are the pure crates, so cargo is told the desktop package.
ui/node_modules/.bin/tauri build --ci --bundles deb "${bundle_args[@]}" \
  --features custom-protocol -- -p journeylab-desktop
deb=$(ls -t "target/$profile/bundle/deb/"*.deb | head -n1)
echo "built $deb"
