#!/usr/bin/env bash
# Fuzzes the parsers of outside input with Jazzer, each target for a given time (default 5m):
#   scripts/fuzz.sh [DURATION] [TARGET...]     e.g. scripts/fuzz.sh 30m checkpointJson
# Targets: flatConfiguration, checkpointJson, envelopeFile (ParserFuzzTest in sdk-store). Jazzer fuzzes one
# @FuzzTest per JVM, so each runs on its own. A crash is saved under
# sdk-store/src/test/resources/io/connectorkit/store/reliability/ParserFuzzTestInputs/<target>/ and replayed
# by every later `mvn verify`: fix it, keep the file as the regression test. The corpus grows in
# sdk-store/.cifuzz-corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5m}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(flatConfiguration checkpointJson envelopeFile)
fi
mvn -B -q install -DskipTests
status=0
for target in "${targets[@]}"; do
  echo "== fuzzing ParserFuzzTest#${target} for ${duration}"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${duration}" mvn -B -pl sdk-store surefire:test -Dtest="ParserFuzzTest#${target}" \
      -Djazzer.max_duration="${duration}" -Dsurefire.failIfNoSpecifiedTests=false || status=1
done
exit $status
