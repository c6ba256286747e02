#!/bin/sh
# Runs the libFuzzer harnesses: Fuzz/run.sh SECONDS [json csv dot graphml gexf]
#
# Builds this package with -sanitize=fuzzer,address (release), then fuzzes each reader for SECONDS,
# one after another. The corpus of each reader (Fuzz/.corpus/READER, kept between runs) is seeded
# from Fuzz/Seeds/READER (hand-made edge cases), Graphs/ and the test fixtures of its format
# (files up to 64 KB). An input that crashes, takes over 1 s (-timeout=1, inputs up to 64 KB)
# or leaks is written to Fuzz/.artifacts/READER/ and the run stops with status 1. FUZZ_TIMEOUT=N
# raises the time limit to N seconds for runs on a machine busy with other work (a starved process
# trips a 1 s limit on inputs that take 0.1 s); replay the corpus afterwards with the 1 s limit:
# Fuzz/run.sh replay [READERS].
set -eu
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
timeout=${FUZZ_TIMEOUT:-1}
readers=${*:-json csv dot graphml gexf}
swift build -c release -Xswiftc -sanitize=fuzzer,address
status=0
for reader in $readers; do
    case $reader in
        json) harness=FuzzJSON; extensions="json"; dict=json.dict ;;
        csv) harness=FuzzCSV; extensions="csv"; dict=csv.dict ;;
        dot) harness=FuzzDOT; extensions="dot gv"; dict=dot.dict ;;
        graphml) harness=FuzzGraphML; extensions="graphml"; dict=xml.dict ;;
        gexf) harness=FuzzGEXF; extensions="gexf"; dict=xml.dict ;;
        *) echo "run.sh: unknown reader '$reader' (json, csv, dot, graphml, gexf)" >&2; exit 64 ;;
    esac
    corpus=.corpus/$reader
    seeds=.corpus/$reader-seeds
    mkdir -p "$corpus" "$seeds" ".artifacts/$reader"
    cp Seeds/$reader/* "$seeds/"
    for extension in $extensions; do
        find ../Graphs ../Tests ../Examples -name "*.$extension" -size -65k -type f 2>/dev/null \
            | while read -r file; do cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"; done
    done
    if [ "$seconds" = replay ]; then
        echo "== replaying the $reader corpus ($(ls "$corpus" | wc -l) inputs) with a 1 s limit"
        LSAN_OPTIONS="suppressions=$(pwd)/lsan.supp:print_suppressions=0" ASAN_OPTIONS="detect_leaks=1" \
            .build/release/$harness "$corpus" -runs=0 -timeout=1 -rss_limit_mb=2048 \
            -artifact_prefix=".artifacts/$reader/replay-" 2>".artifacts/$reader/replay.txt" || status=1
        grep -E "(==[0-9]+==ERROR|SUMMARY|Done [0-9]+ runs)" ".artifacts/$reader/replay.txt" || true
        continue
    fi
    echo "== fuzzing the $reader reader for $seconds s"
    LSAN_OPTIONS="suppressions=$(pwd)/lsan.supp:print_suppressions=0" \
    ASAN_OPTIONS="detect_leaks=1" \
        .build/release/$harness "$corpus" "$seeds" -dict="Dictionaries/$dict" -max_total_time="$seconds" \
        -timeout="$timeout" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix=".artifacts/$reader/" 2>".artifacts/$reader/log.txt" || status=1
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" \
        ".artifacts/$reader/log.txt" || true
    grep -E "cov:" ".artifacts/$reader/log.txt" | tail -n 1
done
exit $status
