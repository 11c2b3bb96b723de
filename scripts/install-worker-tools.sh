#!/usr/bin/env bash
# Installs everything needed to build the example Worker and run it under
# `wrangler dev`, from package registries only (crates.io, the npm registry,
# rustup): nothing is downloaded from GitHub. Safe to run again: each step is
# skipped when what it installs is already there at the right version.
#
#   scripts/install-worker-tools.sh             # Rust tools and npm packages
#   scripts/install-worker-tools.sh --rust-only # skip `npm ci`
#
# Installs
#   - the wasm32-unknown-unknown target (rustup);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock, and
#     worker-build at the `worker` version in Cargo.lock (they are released
#     together), both with `cargo install --locked` into $WECHAT_WORKER_TOOLS
#     (default: ~/.cache/wechat-rs/worker-tools, kept across clones and
#     checked by version, never on PATH), so no machine-wide install is relied on;
#   - wrangler (with workerd) and esbuild from examples/worker/package-lock.json.
#
# Overrides: WECHAT_WORKER_TOOLS, WASM_BINDGEN_VERSION, WORKER_BUILD_VERSION.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${WECHAT_WORKER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/wechat-rs/worker-tools}
example=$root/examples/worker
rust_only=false
for arg in "$@"; do
    case $arg in
        --rust-only) rust_only=true ;;
        *) echo "usage: $0 [--rust-only]" >&2; exit 2 ;;
    esac
done

say() { echo "install-worker-tools: $*" >&2; }
die() { say "error: $*"; exit 1; }

# The version of package $1 in the workspace's Cargo.lock.
lock_version() {
    awk -v want="name = \"$1\"" '
        $0 == want { getline; gsub(/^version = "|"$/, ""); print; found = 1; exit }
        END { if (!found) exit 1 }' "$root/Cargo.lock" \
        || die "$1 is not in Cargo.lock (run: cargo generate-lockfile)"
}

# cargo install $1 at version $2, unless $tools/bin/$3 already reports it.
cargo_tool() {
    local crate=$1 version=$2 bin=$3
    if [[ -x $tools/bin/$bin ]] && "$tools/bin/$bin" --version 2>/dev/null | grep -qwF "$version"; then
        return
    fi
    say "cargo install $crate@$version (takes a few minutes once)"
    # --locked builds the versions the tool was released with. When the
    # registry no longer offers one of them (yanked), resolve afresh instead.
    if ! cargo install "$crate" --version "=$version" --locked --root "$tools" --quiet; then
        say "$crate@$version: its Cargo.lock cannot be used here; installing without --locked"
        cargo install "$crate" --version "=$version" --root "$tools" --quiet
    fi
    "$tools/bin/$bin" --version | grep -qwF "$version" \
        || die "$tools/bin/$bin does not report version $version"
}

command -v cargo >/dev/null || die "cargo not found"

# 1. The wasm target.
if [[ ! -d $(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null) ]]; then
    command -v rustup >/dev/null || die "wasm32-unknown-unknown is missing and rustup is not there to add it"
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli must match the wasm-bindgen library exactly.
cargo_tool wasm-bindgen-cli "${WASM_BINDGEN_VERSION:-$(lock_version wasm-bindgen)}" wasm-bindgen

# 3. worker-build, in step with the worker crate. With WASM_BINDGEN_BIN,
#    ESBUILD_BIN and wasm-opt turned off (scripts/build-worker.sh) it downloads nothing.
cargo_tool worker-build "${WORKER_BUILD_VERSION:-$(lock_version worker)}" worker-build

# 4. wrangler, workerd and esbuild, exactly as locked.
if ! $rust_only; then
    command -v node >/dev/null || die "node not found (wrangler needs Node.js >= 20.3)"
    node -e 'const [a, b] = process.versions.node.split(".").map(Number);
             process.exit(a > 20 || (a === 20 && b >= 3) ? 0 : 1)' \
        || die "wrangler needs Node.js >= 20.3, found $(node --version)"
    stamp=$example/node_modules/.installed-from-lock.sha256
    want=$(sha256sum "$example/package-lock.json" | cut -d' ' -f1)
    if [[ ! -f $stamp || $(cat "$stamp") != "$want" || ! -x $example/node_modules/.bin/wrangler ]]; then
        say "npm ci in examples/worker"
        (cd "$example" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$want" >"$stamp"
    fi
fi

say "ok: wasm-bindgen $("$tools/bin/wasm-bindgen" --version | awk '{print $2}'), worker-build $("$tools/bin/worker-build" --version)$($rust_only || echo ", wrangler $(cd "$example" && node_modules/.bin/wrangler --version 2>/dev/null | tail -1)")"
