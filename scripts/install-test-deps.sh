#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: a redis-server binary (the Redis store's tests start
# their own instances on free loopback ports). Idempotent: does nothing when it is already there.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: redis-server is missing and apt-get is not available; install Redis by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when the package is unknown to them.
if ! apt-cache show redis-server >/dev/null 2>&1; then
  $SUDO apt-get update -qq
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null; then
  # Stale lists: refresh once and retry.
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi

command -v redis-server >/dev/null 2>&1 || {
  echo "install-test-deps: redis-server still not on PATH after installing" >&2
  exit 1
}
echo "install-test-deps: $(redis-server --version)"
