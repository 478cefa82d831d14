# Shared helpers for scripts/launch.sh and scripts/test.sh (sourced, not run).
# Every `ensure_*` function is idempotent: it checks first and only installs what is missing.

# Packages the desktop app needs to build and run (WebKitGTK, GTK, a GL driver, a font).
# libgl1-mesa-dri is only a Recommends of WebKitGTK; without it WebKit aborts with
# "Could not create surfaceless EGL display".
APP_APT_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libgl1-mesa-dri fonts-dejavu-core)
# What headless runs and the end-to-end tests add: a virtual display and the WebDriver.
HEADLESS_APT_PACKAGES=(xvfb xauth)
E2E_APT_PACKAGES=(webkit2gtk-driver)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]]; then
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
export PATH

step() { printf '\n==> %s\n' "$*"; }

# Runs a command as root: directly when we are root (CI), else through sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "error: need root (or sudo) to run: $*" >&2
    return 1
  fi
}

# Installs the given apt packages that are not installed yet (nothing when all are).
ensure_apt_packages() {
  local missing=() package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$package")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "apt: all ${#} packages present"
    return 0
  fi
  echo "apt: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Adds rustfmt and clippy to the toolchain when they are missing.
ensure_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "rustup: adding ${missing[*]}"
    rustup component add "${missing[@]}"
  else
    echo "rust: rustfmt and clippy present"
  fi
}

# `npm ci` in ui/, skipped when node_modules matches package-lock.json already.
ensure_npm_deps() {
  local lock="$REPO_ROOT/ui/package-lock.json"
  local stamp="$REPO_ROOT/ui/node_modules/.journeylab-lock.sha256"
  local want
  want="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "npm: node_modules matches package-lock.json"
    return 0
  fi
  (cd "$REPO_ROOT/ui" && npm ci --no-audit --no-fund)
  echo "$want" >"$stamp"
}

# Type-checks and builds ui/dist (embedded into the app at compile time). The Vite build
# is skipped when ui/dist is newer than every UI source, so an unchanged UI does not
# make cargo re-embed the assets and recompile the shell.
build_ui() {
  local ui="$REPO_ROOT/ui"
  (cd "$ui" && npx tsc --noEmit) || return 1
  if [[ -f "$ui/dist/index.html" ]] &&
    [[ -z "$(find "$ui/src" "$ui/public" "$ui/index.html" "$ui/vite.config.ts" "$ui/package-lock.json" \
      -newer "$ui/dist/index.html" -print -quit 2>/dev/null)" ]]; then
    echo "ui: dist is up to date"
    return 0
  fi
  (cd "$ui" && npx vite build --logLevel warn) || return 1
  echo "ui: built ui/dist"
}

# tauri-driver (crates.io) fronts WebKitWebDriver for the end-to-end tests.
ensure_tauri_driver() {
  if command -v tauri-driver >/dev/null; then
    echo "tauri-driver: present ($(command -v tauri-driver))"
    return 0
  fi
  cargo install tauri-driver --version '^2' --locked
}
