#!/usr/bin/env bash
# Builds the project and runs CsvResumeBenchmark: the time csv-input takes to resume at row 0 and at row 9,000,000
# of a 10,000,000-row file. The file (about 340 MB) is generated once into benchmarks/target/data and reused.
# Extra arguments go to JMH, e.g. ./benchmarks/run-csv-resume.sh -wi 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mkdir -p benchmarks/target/data
java -jar benchmarks/target/benchmarks.jar CsvResumeBenchmark \
    -jvmArgsAppend "-Dconnectorkit.bench.dir=$PWD/benchmarks/target/data" \
    -rf json -rff benchmarks/target/csv-resume.json "$@" | tee benchmarks/target/csv-resume.txt
echo
echo "resume time (findMapper + create + start + first next + stop), average of the measured iterations:"
grep -E '^CsvResumeBenchmark\.resumeAtRow' benchmarks/target/csv-resume.txt \
    | awk '{ printf "  %-20s %s %s %s %s\n", substr($1, index($1, ".") + 1), $(NF-3), $(NF-2), $(NF-1), $NF }'
