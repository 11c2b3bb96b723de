#!/usr/bin/env bash
# End-to-end test of the example Worker: install the tools (idempotent),
# build the Worker and the emulator, then run tests/worker/e2e.test.mjs, which starts
# `wrangler dev` on loopback, checks the routes and tears it down.
# Exits non-zero if any step fails or if no test ran.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CI=true WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

"$root/scripts/install-worker-tools.sh"

# The WeChat API emulator the Worker talks to.
cargo build -p wechat-emulator --bin wechat-emulator --locked --quiet --manifest-path "$root/Cargo.toml"

start=$(date +%s)
"$root/scripts/build-worker.sh"
wasm=$root/examples/worker/build/index_bg.wasm
[[ -s $wasm ]] || { echo "e2e: $wasm was not built" >&2; exit 1; }
gzipped=$(gzip -9 -c "$wasm" | wc -c)
echo "e2e: build took $(($(date +%s) - start)) s; index_bg.wasm $(wc -c <"$wasm") bytes, $gzipped gzipped" >&2
# The size budget: 600 KiB gzipped.
((gzipped <= 600 * 1024)) || { echo "e2e: index_bg.wasm is over 600 KiB gzipped" >&2; exit 1; }

log=$(mktemp)
bundle=$(mktemp -d)
trap 'rm -rf "$log" "$bundle"' EXIT

# A deploy bundle, built offline (no upload).
(cd "$root/examples/worker" && npx --no-install wrangler deploy --dry-run --outdir "$bundle" >"$log" 2>&1) \
    || { cat "$log" >&2; echo "e2e: wrangler deploy --dry-run failed" >&2; exit 1; }
ls "$bundle"/*.wasm >/dev/null 2>&1 || { echo "e2e: the dry-run bundle has no wasm" >&2; exit 1; }
echo "e2e: wrangler deploy --dry-run bundled $(du -sh "$bundle" | cut -f1)" >&2
# `node --test` on a single file; its summary says how many tests passed.
if ! node --test "$root/tests/worker/e2e.test.mjs" 2>&1 | tee "$log"; then
    echo "e2e: FAILED" >&2
    exit 1
fi
grep -Eq '^# pass [1-9]' "$log" || { echo "e2e: no test passed" >&2; exit 1; }
grep -Eq '^# fail 0$' "$log" || { echo "e2e: failures" >&2; exit 1; }
