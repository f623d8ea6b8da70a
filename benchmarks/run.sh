#!/usr/bin/env bash
# Reproduce every performance number of docs/benchmarks.md ("Prep throughput", "Dashboard at scale").
# Run from a checkout with ../shared beside it: bash benchmarks/run.sh [OUT_DIR]
# Results go to OUT_DIR (default: benchmark-results/) as JSON, the tables to stdout.
# Set INCREMENTAL_ARTICLES=10000 for the 10k-article incremental rebuild (about 10x the 2k run time).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
OUT="${1:-benchmark-results}"
mkdir -p "$OUT"

echo "== machine"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); $(grep MemTotal /proc/meminfo); load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== prep throughput (synthetic + PolNeAR dev), one worker vs the nlp.pipe floor, and 2 workers"
nice "$PYTHON" benchmarks/prep_throughput.py --articles 300 --workers 2 --rounds 2 --json "$OUT/prep_throughput.json"

echo "== incremental rebuild"
nice "$PYTHON" benchmarks/incremental_rebuild.py --articles "${INCREMENTAL_ARTICLES:-2000}" --workers 2 --profile \
    --json "$OUT/incremental_rebuild.json"

if [ -f benchmarks/stance_speed.py ]; then
    echo "== stance speed (benchmarks/stance_speed.py, owned by the stance work)"
    nice "$PYTHON" benchmarks/stance_speed.py
fi

echo "== synthetic dataset generation"
for quotes in 10000 100000 1000000; do
    /usr/bin/time -f "%e s wall, %M KiB peak" "$PYTHON" -m data_prep.cli synth dataset --quotes "$quotes" \
        --data "$OUT/synth-$quotes"
done

echo "== dashboard at scale"
nice "$PYTHON" benchmarks/dashboard_scale.py --datasets "$OUT/synth-10000" "$OUT/synth-100000" "$OUT/synth-1000000" \
    --json "$OUT/dashboard_scale.json"
