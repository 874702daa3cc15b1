#!/usr/bin/env bash
# Regenerates the golden log (api-spec/golden) and the signed test vectors
# (api-spec/src/main/resources/vectors, all but the hand-written records/) with
# org.cbamledger.signer.golden.GoldenLogGenerator. The output is byte-identical on every run.
#   bash api-spec/regenerate-golden.sh           rewrite the checked-in files
#   bash api-spec/regenerate-golden.sh --check   regenerate into a temporary directory and diff (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN_FLAGS=(-B -q)
if [[ "${OFFLINE:-}" == "1" ]]; then MVN_FLAGS+=(-o); fi

CHECK=0
if [[ "${1:-}" == "--check" ]]; then CHECK=1; elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--check]" >&2; exit 2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mvn "${MVN_FLAGS[@]}" -pl signer -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >"$WORK/mvn.log" 2>&1 \
  || { cat "$WORK/mvn.log" >&2; exit 1; }
CP="$ROOT/signer/target/test-classes:$ROOT/signer/target/classes:$ROOT/api-spec/target/classes:$(cat "$WORK/classpath.txt")"

VECTORS="$ROOT/api-spec/src/main/resources/vectors"
GENERATED_VECTORS=(keys checkpoints proofs envelopes README.md)
if [[ $CHECK == 0 ]]; then
  rm -rf "$ROOT/api-spec/golden"
  for item in "${GENERATED_VECTORS[@]}"; do rm -rf "${VECTORS:?}/$item"; done
  "$JAVA_HOME/bin/java" -cp "$CP" org.cbamledger.signer.golden.GoldenLogGenerator "$ROOT/api-spec/golden" "$VECTORS"
  echo "regenerated api-spec/golden and the vectors"
  exit 0
fi

# The README of the vectors also indexes the hand-written records/, so the check generates next to a copy of them.
mkdir -p "$WORK/vectors"
cp -r "$VECTORS/records" "$WORK/vectors/records"
"$JAVA_HOME/bin/java" -cp "$CP" org.cbamledger.signer.golden.GoldenLogGenerator "$WORK/golden" "$WORK/vectors"
STATUS=0
diff -r "$ROOT/api-spec/golden" "$WORK/golden" || STATUS=1
for item in "${GENERATED_VECTORS[@]}"; do
  diff -r "$VECTORS/$item" "$WORK/vectors/$item" || STATUS=1
done
if [[ $STATUS == 0 ]]; then echo "golden log and vectors are up to date"; else
  echo "golden log or vectors differ from a fresh generation: run bash api-spec/regenerate-golden.sh" >&2
fi
exit $STATUS
