#!/usr/bin/env bash
# The project's test command (see README): makes sure the SIP peers the tests
# drive are installed (SIPp from sip-tester, baresip from baresip-core), then
# runs the full Maven build with tests. Extra arguments go to Maven, e.g.
#   ./scripts/test.sh -Dtest=SippSelfTest
set -euo pipefail
cd "$(dirname "$0")/.."

install_packages() {
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo -n)
    else
      echo "scripts/test.sh: $* missing and this is not root and sudo is unavailable." >&2
      echo "Install it yourself: apt-get install $* (as root)." >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: $* missing and apt-get is not available; install SIPp 3.6 and baresip 1.0." >&2
    exit 1
  fi
  echo "scripts/test.sh: installing $*..." >&2
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

missing=()
if ! command -v sipp >/dev/null 2>&1 && [ ! -x /usr/bin/sipp ]; then
  missing+=(sip-tester)
fi
if ! command -v baresip >/dev/null 2>&1 && [ ! -x /usr/bin/baresip ]; then
  missing+=(baresip-core)
fi
if [ ${#missing[@]} -gt 0 ]; then
  install_packages "${missing[@]}"
fi

# Tests that drive SIPp or baresip fail instead of being skipped when those cannot be found.
export CALLOPS_REQUIRE_SIPP=1
export CALLOPS_REQUIRE_BARESIP=1
exec ./mvnw -B verify "$@"
