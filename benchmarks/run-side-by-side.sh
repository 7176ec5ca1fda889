#!/usr/bin/env bash
# Builds the project and runs SideBySide: the bare loop, Connector Kit and TCK 1.88.0 on the same emitter, in one JVM,
# interleaved, over several rounds; prints the table of docs/PERFORMANCE.md with each target's ratio. Then target 7:
# 10,000,000 records of the list-input sample through the runner with -Xmx64m.
# Extra arguments go to SideBySide, e.g. ./benchmarks/run-side-by-side.sh --records 2000000 --rounds 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mkdir -p benchmarks/target
java -Xms1g -Xmx1g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.SideBySide "$@" \
    | tee benchmarks/target/side-by-side.txt

echo
echo "target 7: 10,000,000 records of checkpoint/list-input through the runner with -Xmx64m"
work=benchmarks/target/xmx64m
rm -rf "$work" && mkdir -p "$work"
printf '{"configuration": {"total": 10000000, "batchSize": 1000}}\n' > "$work/config.json"
start=$(date +%s%N)
set +e
java -Xmx64m -jar sdk-runner/target/connectorkit-runner.jar run --family checkpoint --name list-input \
    --configuration "$work/config.json" --store "file:$work/checkpoints" --output /dev/null --quiet
code=$?
set -e
end=$(date +%s%N)
echo "exit code $code after $(( (end - start) / 1000000 )) ms" | tee -a benchmarks/target/side-by-side.txt
java -jar sdk-runner/target/connectorkit-runner.jar checkpoint history --job checkpoint-list-input \
    --store "file:$work/checkpoints" | tail -n 2
exit $code
