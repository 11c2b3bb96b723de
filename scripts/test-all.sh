#!/usr/bin/env bash
# Installs what the tests need and runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

# One clean build: incremental caches only cost disk here.
export CARGO_INCREMENTAL=0

step() { printf '\n==> [%s] %s\n' "$(date -u +%T)" "$*"; }

step "toolchain: wasm32 target, rustfmt, clippy"
rustup target add wasm32-unknown-unknown >/dev/null
rustup component add rustfmt clippy >/dev/null

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "wechat-core pulls no IO crate on wasm32 (its wasm32 build is checked by clippy below)"
tree=$(cargo tree -p wechat-core --target wasm32-unknown-unknown -e normal --prefix none --locked)
forbidden=$(awk '{print $1}' <<<"$tree" | grep -xE 'tokio|mio|reqwest|hyper|getrandom' | sort -u || true)
if [ -n "$forbidden" ]; then
  echo "wechat-core pulls IO crates on wasm32: $forbidden" >&2
  exit 1
fi

step "wechat-core builds with no area, and with each area alone (cargo features per area)"
cargo check -p wechat-core --no-default-features --locked
for area in oa mp work open pay; do
  out=$(cargo check -p wechat-core --no-default-features --features "$area" --locked --message-format short 2>&1) \
    || { echo "$out" >&2; exit 1; }
  if grep -E '^(warning|error)' <<<"$out" | grep -v 'generated [0-9]* warning' >&2; then
    echo "wechat-core with only the $area area warns" >&2
    exit 1
  fi
done

step "cargo clippy (wechat-core and the Worker crates, wasm32)"
cargo clippy -p wechat-core -p wechat-worker -p wechat-worker-example --target wasm32-unknown-unknown --locked -- -D warnings

step "cargo doc (every published crate, warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked \
  -p wechat-core -p wechat-reqwest -p wechat-redis -p wechat-emulator -p wechat-cli
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked -p wechat-worker --target wasm32-unknown-unknown

step "cargo package (each published crate builds from its package alone)"
bash scripts/check-packages.sh

step "test dependencies: redis-server"
bash scripts/install-test-deps.sh

step "cargo test (workspace)"
cargo test --locked

step "the example Worker end to end, under wrangler dev against the emulator"
bash tests/worker/e2e.sh
