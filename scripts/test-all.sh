#!/usr/bin/env bash
# Installs what the tests need and runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: wasm32 target, rustfmt, clippy"
rustup target add wasm32-unknown-unknown >/dev/null
rustup component add rustfmt clippy >/dev/null

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "wechat-core builds for wasm32 without IO crates"
cargo check -p wechat-core --target wasm32-unknown-unknown --locked
forbidden=$(cargo tree -p wechat-core --target wasm32-unknown-unknown -e normal --prefix none \
  | awk '{print $1}' | grep -xE 'tokio|mio|reqwest|hyper|getrandom' | sort -u || true)
if [ -n "$forbidden" ]; then
  echo "wechat-core pulls IO crates on wasm32: $forbidden" >&2
  exit 1
fi

step "test dependencies: redis-server"
bash scripts/install-test-deps.sh

step "cargo test (workspace)"
cargo test --locked
