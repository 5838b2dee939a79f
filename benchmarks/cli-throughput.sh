#!/usr/bin/env bash
# Whole-process check of the quote-extract CLI on tens of MB of news (docs/performance.md):
#  - builds a corpus in a temporary directory by repeating the PolNeAR dev texts from ../shared (never in the repo),
#  - runs `quote-extract -f jsonl DIR -o FILE` under /usr/bin/time -v,
#  - samples the process's resident memory and the output size while it runs,
#  - prints words/s (wall and per CPU second), peak working set, whether memory stayed flat and when the first
#    output was written.
#
# Usage: benchmarks/cli-throughput.sh [MEGABYTES] [THREADS]    (defaults: 40 MB, all processors)
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=${1:-40}
threads=${2:-$(nproc)}
dev=../shared/data/polnear/dev/text
if [ ! -d "$dev" ]; then
    echo "cli-throughput: $dev not found (the shared data sits next to the checkout)" >&2
    exit 2
fi

work=$(mktemp -d /tmp/quote-extract-throughput.XXXXXX)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
mkdir -p "$corpus"

# Each generated file joins four dev texts (about 20 KB, a long article); copies rotate through the dev split
# until the corpus reaches the asked size.
mapfile -t texts < <(find "$dev" -name '*.txt' | sort)
target=$((megabytes * 1024 * 1024))
size=0
n=0
while [ "$size" -lt "$target" ]; do
    file=$(printf '%s/%06d.txt' "$corpus" "$n")
    for k in 0 1 2 3; do
        cat "${texts[$(((n * 4 + k) % ${#texts[@]}))]}" >> "$file"
        printf '\n\n' >> "$file"
    done
    size=$((size + $(stat -c %s "$file")))
    n=$((n + 1))
done
words=$(cat "$corpus"/*.txt | wc -w)
echo "corpus: $n files, $((size / 1024 / 1024)) MB, $words words, in $corpus"

dotnet build -c Release src/QuoteExtract.Cli -v quiet -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
cli=src/QuoteExtract.Cli/bin/Release/net10.0/quote-extract.dll

out="$work/out.jsonl"
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" dotnet "$cli" -f jsonl -t "$threads" "$corpus" -o "$out" &
timer=$!
sleep 0.2
pid=$(pgrep -P "$timer" | head -n 1 || true)

# Samples every 0.25 s: seconds since start, resident set (KB), output bytes.
: > "$work/samples.txt"
while kill -0 "$timer" 2> /dev/null; do
    rss=0
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
        rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)
    fi
    bytes=$(stat -c %s "$out" 2> /dev/null || echo 0)
    echo "$(echo "$(date +%s.%N) - $start" | bc) ${rss:-0} $bytes" >> "$work/samples.txt"
    sleep 0.25
done
wait "$timer"
end=$(date +%s.%N)

elapsed=$(awk '/Elapsed \(wall clock\)/ { print $NF }' "$work/time.txt")
seconds=$(echo "$end - $start" | bc)
peak=$(awk '/Maximum resident set size/ { print $NF }' "$work/time.txt")
cpu=$(awk -F': ' '/Percent of CPU/ { print $2 }' "$work/time.txt")
cpu_seconds=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
lines=$(wc -l < "$out")

echo "documents written: $lines of $n"
echo "elapsed: $elapsed (wall), CPU: $cpu, threads: $threads"
echo "words/s: $(echo "$words / $seconds" | bc) (whole process, start-up included)"
echo "words per CPU second: $(echo "$words / $cpu_seconds" | bc) (user + system time of all threads; less skewed by other load)"
echo "peak working set: $((peak / 1024)) MB"
awk -v total="$seconds" '
    $3 > 0 && first == "" { first = $1 }
    $2 > 0 { n++; rss[n] = $2 }
    END {
        if (first != "") printf "first output after: %.2f s of %.2f s (%.0f%%)\n", first, total, 100 * first / total
        else print "first output after: not seen while running"
        if (n >= 8) {
            q = int(n / 4)
            for (i = q + 1; i <= 2 * q; i++) a += rss[i]
            for (i = n - q + 1; i <= n; i++) b += rss[i]
            printf "resident memory, 2nd quarter vs last quarter of the run: %.0f MB vs %.0f MB\n", a / q / 1024, b / q / 1024
        }
    }' "$work/samples.txt"
