#!/usr/bin/env bash
# Packages every published crate as crates.io would receive it, then compiles the packages alone:
# a crate that needs a file outside its folder (a fixture, a README) fails here.
#
# `cargo package` builds each package on its own; its own verification would also rebuild every
# dependency with the packages' feature set (minutes on two cores), so the packages are checked
# together instead, as one workspace of the unpacked sources, sharing the workspace's target dir.
set -euo pipefail
cd "$(dirname "$0")/.."

native=(wechat-core wechat-reqwest wechat-redis wechat-emulator wechat-cli)
all=("${native[@]}" wechat-worker)

args=()
for p in "${all[@]}"; do args+=(-p "$p"); done
cargo package --no-verify --locked "${args[@]}" "$@"   # "$@": e.g. --allow-dirty while editing

version=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "wechat-core"))')
dir=target/package-check
rm -rf "$dir" && mkdir -p "$dir"
members=() patches=()
for p in "${all[@]}"; do
  crate="target/package/$p-$version.crate"
  size=$(stat -c %s "$crate")
  printf '%-16s %7d bytes packed\n' "$p" "$size"
  tar -xzf "$crate" -C "$dir"
  members+=("\"$p-$version\"")
  patches+=("$p = { path = \"$p-$version\" }")
done
{
  echo '[workspace]'
  echo "members = [$(IFS=,; echo "${members[*]}")]"
  echo 'resolver = "3"'
  echo '[patch.crates-io]'
  printf '%s\n' "${patches[@]}"
} >"$dir/Cargo.toml"
cp Cargo.lock "$dir/Cargo.lock"

export CARGO_TARGET_DIR="$PWD/target"
nargs=()
for p in "${native[@]}"; do nargs+=(-p "$p"); done
(cd "$dir" && cargo check "${nargs[@]}" && cargo check -p wechat-worker --target wasm32-unknown-unknown)
