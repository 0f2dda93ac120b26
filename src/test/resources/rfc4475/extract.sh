#!/usr/bin/env bash
# Regenerates the 49 RFC 4475 torture-test messages (<label>.dat) from the
# bit-exact archive in RFC 4475 Appendix A.1.
#
# Usage: extract.sh [--check] [SOURCE]
#   SOURCE   RFC text holding Appendix A.1. Default: rfc4475.txt next to this
#            script if present, else rfc4475-appendix-a.txt (verbatim excerpt of
#            Appendix A.1 kept in this folder).
#   --check  do not write; compare the freshly decoded messages with the .dat
#            files in this folder byte for byte and exit non-zero on a difference.
#
# Recovery rule is the RFC's own (Appendix A, Figure 58): of the lines between
# "-- BEGIN MESSAGE ARCHIVE --" and "-- END MESSAGE ARCHIVE --", keep those that
# are a single whitespace-delimited token. Page furniture (headers/footers) has
# embedded spaces and is dropped by the same rule. The result is base64 of a
# gzip-compressed tar.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check=0
if [[ "${1:-}" == "--check" ]]; then check=1; shift; fi
src="${1:-}"
if [[ -z "$src" ]]; then
  if [[ -f "$here/rfc4475.txt" ]]; then src="$here/rfc4475.txt"; else src="$here/rfc4475-appendix-a.txt"; fi
fi

# The 49 messages of RFC 4475 section 3, in document order. The archive also
# carries a stray "test.dat" that is not one of them; it is not extracted.
labels=(wsinv intmeth esc01 escnull esc02 lwsdisp longreq dblreq semiuri transports
        mpart01 unreason noreason badinv01 clerr ncl scalar02 scalarlg quotbal ltgtruri
        lwsruri lwsstart trws escruri baddate regbadct badaspec baddn badvers mismatch01
        mismatch02 bigcode badbranch insuf unkscm novelsc unksm2 bext01 invut regaut01
        multi01 mcl01 bcast zeromf cparam01 cparam02 regescrt sdp01 inv2543)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A line holding both markers (the Perl listing in Figure 58) opens and closes a
# range on itself and contains spaces, so it contributes nothing.
awk '/-- BEGIN MESSAGE ARCHIVE --/,/-- END MESSAGE ARCHIVE --/' "$src" \
  | grep -E '^[[:space:]]*[^[:space:]]+[[:space:]]*$' \
  | tr -d ' \t\r' > "$work/archive.b64"

base64 -d "$work/archive.b64" > "$work/archive.tgz"
gzip -t "$work/archive.tgz"   # CRC check: any transcription error fails here
mkdir "$work/out"
tar -xzf "$work/archive.tgz" -C "$work/out" --no-same-owner --no-same-permissions

status=0
for l in "${labels[@]}"; do
  f="$work/out/$l.dat"
  [[ -f "$f" ]] || { echo "missing in archive: $l.dat" >&2; status=1; continue; }
  if (( check )); then
    cmp -s "$f" "$here/$l.dat" || { echo "differs: $l.dat" >&2; status=1; }
  else
    cp "$f" "$here/$l.dat"
  fi
done
(( status == 0 )) && echo "${#labels[@]} messages $( ((check)) && echo verified || echo written ) from $src"
exit $status
