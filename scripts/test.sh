#!/usr/bin/env bash
# The project's test command (see README): makes sure SIPp is installed, then
# runs the full Maven build with tests. Extra arguments go to Maven, e.g.
#   ./scripts/test.sh -Dtest=SippSelfTest
set -euo pipefail
cd "$(dirname "$0")/.."

install_sipp() {
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo -n)
    else
      echo "scripts/test.sh: sipp is missing and this is not root and sudo is unavailable." >&2
      echo "Install it yourself: apt-get install sip-tester (as root)." >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: sipp is missing and apt-get is not available; install SIPp 3.6 (package sip-tester)." >&2
    exit 1
  fi
  echo "scripts/test.sh: installing SIPp (sip-tester)..." >&2
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends sip-tester
}

if ! command -v sipp >/dev/null 2>&1 && [ ! -x /usr/bin/sipp ]; then
  install_sipp
fi

# Tests tagged "sipp" fail instead of being skipped when SIPp cannot be found.
export CALLOPS_REQUIRE_SIPP=1
exec ./mvnw -B verify "$@"
