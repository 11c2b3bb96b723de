#!/usr/bin/env bash
# Builds the example Worker (examples/worker) into examples/worker/build/ with
# worker-build, using only local tools: nothing is downloaded. This is the
# `[build]` command of examples/worker/wrangler.toml, so `npx wrangler dev` and
# `npx wrangler deploy` run it; it can also be run by hand from anywhere.
#
#   scripts/build-worker.sh            # the size-tuned `worker` cargo profile
#   scripts/build-worker.sh --dev      # any other worker-build flags pass through
#
# worker-build would fetch wasm-bindgen, esbuild and wasm-opt from GitHub. We
# point it at local binaries instead:
#   WASM_BINDGEN_BIN  wasm-bindgen-cli from crates.io, the version in Cargo.lock
#   ESBUILD_BIN       esbuild from npm (examples/worker/node_modules)
# and wasm-opt is off (`wasm-opt = false` in examples/worker/Cargo.toml).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${WECHAT_WORKER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/wechat-rs/worker-tools}
example=$root/examples/worker

# A no-op when the Rust tools are installed; installs them otherwise. npm
# packages are not touched here: wrangler may be the one running this script.
"$root/scripts/install-worker-tools.sh" --rust-only

export WASM_BINDGEN_BIN=$tools/bin/wasm-bindgen
export ESBUILD_BIN=$example/node_modules/esbuild/bin/esbuild
if [[ ! -x $ESBUILD_BIN ]]; then
    echo "build-worker: $ESBUILD_BIN is missing: run scripts/install-worker-tools.sh (or npm ci in examples/worker)" >&2
    exit 1
fi

# Default to the size-tuned `worker` profile (workspace Cargo.toml) unless a
# profile flag is given.
profile=(--profile worker)
for arg in "$@"; do
    case $arg in --dev | --debug | --release | --profiling | --profile | --profile=*) profile=() ;; esac
done

cd "$example"
exec "$tools/bin/worker-build" "${profile[@]}" "$@"
