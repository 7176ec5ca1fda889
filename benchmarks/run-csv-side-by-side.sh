#!/usr/bin/env bash
# Builds the benchmarks (package only: nothing is installed into ~/.m2) and runs CsvSideBySide: csv-input, FastCSV
# building the same JSON and FastCSV parsing alone on one 2,000,000-row file (110 MB, generated once into
# benchmarks/target/data), interleaved; then csv-input resuming at 90 % against a FastCSV seek to the same offset.
# Extra arguments go to CsvSideBySide, e.g. ./benchmarks/run-csv-side-by-side.sh --rounds 3 --resumes 100
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl benchmarks -am -DskipTests
java -Xms1g -Xmx1g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.csv.CsvSideBySide \
    "$@" | tee benchmarks/target/csv-side-by-side.txt
