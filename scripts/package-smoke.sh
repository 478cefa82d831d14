#!/usr/bin/env bash
# The test command's check of the installable package: builds the .deb from the dev build
# the tests already compiled (`scripts/package.sh --debug`; the release package is the
# same bundler run on a release build), then checks that
#   - `dpkg-deb --info` declares the WebKitGTK dependency,
#   - it unpacks into a scratch root with the binary, the desktop entry, the icon and
#     every example model,
#   - its installed binary starts under Xvfb and shows the start screen with those
#     examples over WebDriver (tests/e2e/package.rs).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

scripts/package.sh --debug
deb=$(ls -t target/debug/bundle/deb/*.deb | head -n1)

step "dpkg-deb --info $deb"
info=$(dpkg-deb --info "$deb")
echo "$info" | sed -n '/Package:/,$p'
echo "$info" | grep -E '^ Depends:.*libwebkit2gtk-4\.1' >/dev/null ||
  { echo "error: the package does not declare its WebKitGTK dependency" >&2; exit 1; }

root=$(mktemp -d /tmp/journeylab-deb-root.XXXXXX)
trap 'rm -rf "$root"' EXIT
step "unpack into $root"
dpkg-deb -x "$deb" "$root"
test -x "$root/usr/bin/journeylab-desktop" || { echo "error: no usr/bin/journeylab-desktop" >&2; exit 1; }
ls "$root"/usr/share/applications/*.desktop >/dev/null || { echo "error: no desktop entry" >&2; exit 1; }
find "$root/usr/share/icons" -name '*.png' | grep -q . || { echo "error: no icon" >&2; exit 1; }
want=$(ls fixtures/*.json | wc -l)
have=$(ls "$root/usr/lib/Journey Lab/fixtures/"*.json | wc -l)
[[ "$have" -eq "$want" ]] || { echo "error: the package carries $have of $want example models" >&2; exit 1; }
echo "unpacked: binary, desktop entry, icon, $have example models"

step "the installed app under Xvfb over WebDriver"
JOURNEYLAB_E2E_PACKAGE_ROOT="$root" cargo test --workspace --features journeylab-desktop/custom-protocol --test e2e
