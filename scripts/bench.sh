#!/usr/bin/env bash
# Benchmark of the pipeline (issue 5): throughput against the floor set by the CSV parser and
# against a peer, the same count done by DuckDB alone.
#
#   scripts/bench.sh [--records N] [--repeat R] [--seed S] [--keep]
#
# --records N  data rows to generate (default 2000000): SPEC-format monthly exports of all six
#              sources from 2014 on, at least as demanding as SPEC's: overlaps, corrections (next
#              month and months later), central folios on a fifth of the rows (intake rows
#              before and after their central row), an identical copy and a re-saved
#              re-delivery a year, spreadsheet re-saves, reordered columns, long multi-line text,
#              Windows-1252 punctuation, bad rows and files not to ingest
#              (cl.sernac.cifras.demo.ScaledDataGenerator); plus one more month of the six
#              exports: the nightly increment
# --repeat R   run the phases R times (default 1) and report each one's median wall and CPU
#              time, its fastest and slowest wall time and its highest peak RSS: timings on a
#              shared machine vary from one run to the next
# --seed S     generator seed (default 20260528, ScaledDataGenerator.DEFAULT_SEED)
# --keep       keep the work folder (input copies, store, outputs) in target/bench/<N>/work
#
# The exports are generated once per N and seed into target/bench/<N>/input and
# target/bench/<N>/increment and reused by later runs while the generator's sources are older
# than them (delete target/bench/<N> to regenerate),
# with what they are made of (target/bench/<N>/shape.txt: rows, files, corrections,
# re-deliveries, rejected rows, central folios, multi-line text, bytes per row; counted by the
# peer's SQL, bench/shape.sql, untimed). Then four phases run one after the other, each under
# GNU time (wall, user+sys CPU, peak RSS):
#
#   floor      every export read with the pipeline's own CSV reader and nothing else
#              (cl.sernac.cifras.bench.ParseFloor: same reader, encodings, delimiters and read
#              limits, as many threads as the pipeline reads files at once), JVM start included
#   rebuild    the whole job on an empty store: scripts/run.sh on a copy of the input, JVM start
#              and every output included
#   peer       the same exports counted by a plain DuckDB SQL script (src/test/resources/
#              bench/peer.sql, run by cl.sernac.cifras.bench.SqlPeer through the DuckDB JDBC
#              driver, JVM start included): DuckDB's own CSV reader, SPEC's rules 1 to 5 in SQL;
#              its table must equal the rebuild's tables/by_channel_year.csv, row for row
#   increment  the nightly run: scripts/run.sh on a fresh input folder holding only the next
#              month's exports (as after the archiving of a nightly run), on the rebuilt store
#
# The JVM options are those of scripts/run.sh (CIFRAS_JAVA_OPTS, default -Xmx768m
# -XX:+UseSerialGC) for all four (DuckDB's memory is its own, outside the heap). Records are the
# data rows of the files each phase reads (re-delivered copies included; the floor's count is
# its own). Prints a table, the ratios rebuild/floor, peer/rebuild and increment/rebuild (wall)
# and whether the peer's table equals Cifras', and writes them with the command line, the date,
# the machine and the data's shape to target/bench/<N>/results.md. Logs: target/bench/<N>/logs/.
# Exit status: 0 when every phase completed and the tables match, 1 when a phase failed or the
# tables differ, 2 on a bad command line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/cifras.jar"
launcher="org.springframework.boot.loader.launch.PropertiesLauncher"
java_opts="${CIFRAS_JAVA_OPTS:--Xmx768m -XX:+UseSerialGC}"
run_date="2026-11-28"
command_line="scripts/bench.sh${*:+ $*}"

records=2000000
repeat=1
seed=20260528
keep=false

usage() {
  sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --records) [ $# -ge 2 ] || { usage; exit 2; }; records="$2"; shift 2 ;;
    --records=*) records="${1#*=}"; shift ;;
    --repeat) [ $# -ge 2 ] || { usage; exit 2; }; repeat="$2"; shift 2 ;;
    --repeat=*) repeat="${1#*=}"; shift ;;
    --seed) [ $# -ge 2 ] || { usage; exit 2; }; seed="$2"; shift 2 ;;
    --seed=*) seed="${1#*=}"; shift ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: argumento no reconocido: $1" >&2; usage; exit 2 ;;
  esac
done
records="${records//[_,.]/}"
if ! [[ "$records" =~ ^[0-9]+$ ]] || [ "$records" -lt 1000 ]; then
  echo "bench.sh: --records must be a whole number of at least 1000: $records" >&2
  exit 2
fi
if ! [[ "$repeat" =~ ^[0-9]+$ ]] || [ "$repeat" -lt 1 ] || [ "$repeat" -gt 20 ]; then
  echo "bench.sh: --repeat must be a whole number from 1 to 20: $repeat" >&2
  exit 2
fi
if ! [[ "$seed" =~ ^-?[0-9]+$ ]]; then
  echo "bench.sh: --seed must be a whole number: $seed" >&2
  exit 2
fi

if [ ! -x /usr/bin/time ] || ! /usr/bin/time --version 2>&1 | grep -q "GNU"; then
  echo "bench.sh: GNU time (/usr/bin/time) is needed to measure CPU time and peak memory." >&2
  echo "  Debian/Ubuntu: sudo apt-get install time    Fedora/RHEL: sudo dnf install time" >&2
  exit 2
fi

# The benchmark's own programs (the scaled data generator, the parse floor, the SQL peer)
# are not part of the application: they are compiled with the tests into
# target/test-classes, which the launcher adds to the jar's class path (loader.path) when
# they run. The scaled generator shares the demo's formats and constants (demo/DemoFormats).
bench_classes="$here/target/test-classes"
if [ ! -f "$jar" ] || [ ! -d "$bench_classes/cl/sernac/cifras/bench" ] \
    || [ -n "$(find "$here/src/main" "$here/src/test/java/cl/sernac/cifras/bench" "$here/src/test/resources/bench" \
      "$here/src/test/java/cl/sernac/cifras/demo" \
      "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "Compilando Cifras..." >&2
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi

bench="$here/target/bench/$records"
logs="$bench/logs"
work="$bench/work"
generated="$bench/generated.json"
mkdir -p "$bench"
rm -rf "$logs" "$work"
mkdir -p "$logs" "$work"

json_number() { # key file: the last value of the key (one-line or indented JSON)
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\(-\{0,1\}[0-9][0-9]*\).*/\1/p" "$2" | tail -n 1
}
group() { # thousands separators
  awk -v n="$1" 'BEGIN { if (n !~ /^[0-9]+$/) { printf "%s", n; exit } s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } printf "%s%s", n, s }'
}
json_string() { # key file
  sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$2" | head -n 1
}

# ---- data -------------------------------------------------------------------------------
if [ -f "$generated" ] && [ "$(json_number seed "$generated")" = "$seed" ] \
    && [ -d "$bench/input" ] && [ -d "$bench/increment" ] \
    && [ -z "$(find "$here/src/main/java/cl/sernac/cifras/demo" "$here/src/test/java/cl/sernac/cifras/demo" \
      -newer "$generated" -print -quit)" ]; then
  echo "Reusing the exports generated in $bench (seed $seed)." >&2
  generation="reused"
else
  echo "Generating about $records rows of exports into $bench ..." >&2
  rm -rf "$bench/input" "$bench/increment" "$generated"
  start=$(date +%s.%N)
  java -Xmx512m -XX:+UseSerialGC -Dloader.path="$bench_classes" -Dloader.main=cl.sernac.cifras.demo.ScaledDataGenerator \
    -cp "$jar" "$launcher" \
    "$bench/input" --records "$records" --seed "$seed" --extra-month "$bench/increment" \
    > "$generated.tmp" 2> "$logs/generate.err" \
    || { echo "bench.sh: the generator failed:" >&2; cat "$logs/generate.err" >&2; exit 1; }
  mv "$generated.tmp" "$generated"
  generation="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f s", e - s }')"
fi
input_rows="$(json_number data_rows "$generated")"
increment_rows="$(json_number extra_data_rows "$generated")"
copy_rows="$(json_number rows-in-re-delivered-copies "$generated")"
months="$(json_number months "$generated")"
first_month="$(json_string first_month "$generated")"
last_month="$(json_string last_month "$generated")"
extra_month="$(json_string extra_month "$generated")"
input_files="$(json_number files "$generated")"
input_bytes="$(du -sb "$bench/input" | cut -f1)"
shape="$bench/shape.txt"
if [ ! -s "$shape" ] || [ "$generation" != "reused" ] || [ "$shape" -ot "$jar" ]; then
  echo "Counting what the exports are made of ..." >&2
  java $java_opts -Dloader.path="$bench_classes" -Dloader.main=cl.sernac.cifras.bench.SqlPeer -cp "$jar" "$launcher" "$bench/input" \
    --out "$logs/shape-table.csv" --run-date "$run_date" --work "$bench/shape-work" --shape \
    > "$shape.tmp" 2> "$logs/shape.err" \
    || { echo "bench.sh: counting the data's shape failed:" >&2; tail -n 20 "$logs/shape.err" >&2; exit 1; }
  mv "$shape.tmp" "$shape"
fi
shape_value() { sed -n "s/^shape\.$1=//p" "$shape" | head -n 1; }
share() { # figure: its share of the rows, in percent
  awk -v v="$(shape_value "$1")" -v r="$(shape_value rows)" 'BEGIN { if (r > 0 && v != "") printf "%.2f %%", 100 * v / r; else printf "-" }'
}
shape_line="$(group "$(shape_value rows)") rows in $(shape_value files) files ($(shape_value exports_read) exports read), $(awk -v b="$(shape_value bytes)" -v r="$(shape_value rows)" 'BEGIN { if (r > 0) printf "%.0f", b / r }') bytes/row; corrections $(share corrected_rows), re-delivered $(share re_delivered_rows) ($(share rows_in_identical_copies) in identical copies), rejected $(share rejected_rows), carrying a central folio $(share central_folio_rows) ($(group "$(shape_value linked_cases)") cases linked by rule 2), multi-line text $(share multi_line_rows); $(group "$(shape_value records)") records, $(group "$(shape_value cases)") cases"
increment_bytes="$(du -sb "$bench/increment" | cut -f1)"

# ---- phases -----------------------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
failed=()
match=""
tables="not compared"
peer_cases=
# per phase: records; each round's wall s, CPU s and peak RSS MiB (space-separated); exit status
declare -A rec walls cpus rsss status

# measure NAME RECORDS COMMAND...: runs the command under GNU time, output in logs/NAME[-ROUND].*
measure() {
  local name="$1" count="$2"
  shift 2
  local base="$name"
  if [ "$repeat" -gt 1 ]; then base="$name-$round"; fi
  echo "== $base: $*" >&2
  local rc=0
  /usr/bin/time -v -o "$logs/$base.time" "$@" > "$logs/$base.out" 2> "$logs/$base.err" || rc=$?
  last_out="$logs/$base.out"
  last_rc=$rc
  rec[$name]="$count"
  local t="$logs/$base.time"
  walls[$name]+=" $(sed -n 's/.*Elapsed (wall clock) time.*: \(.*\)$/\1/p' "$t" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
  cpus[$name]+=" $(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$t")"
  rsss[$name]+=" $(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$t")"
  if [ "${status[$name]:-0}" = "0" ]; then status[$name]=$rc; fi
  if [ "$rc" -ne 0 ]; then
    failed+=("$base")
    echo "bench.sh: phase $base failed with exit status $rc; last lines of $logs/$base.err:" >&2
    tail -n 20 "$logs/$base.err" >&2 || true
    tail -n 20 "$logs/$base.out" >&2 || true
  fi
}

link_copy() { # hard links when possible: the pipeline only reads (archive=false)
  cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -r "$1" "$2"; }
}

# stages LOG: where a pipeline run spent its time, from its log's timestamps (1 s resolution; best effort)
stages() {
  local log="$1" started running first last end
  started="$(grep -m1 'Started CifrasApplication' "$log" | cut -c1-19)"
  running="$(sed -n 's/.*Started CifrasApplication.*process running for \([0-9.]*\)).*/\1/p' "$log" | head -n 1)"
  first="$(grep -m1 'RecordMerger:' "$log" | cut -c1-19)"
  last="$(grep 'RecordMerger:' "$log" | tail -n 1 | cut -c1-19)"
  end="$(grep 'CifrasRunner: Ejecuci' "$log" | tail -n 1 | cut -c1-19)"
  if [ -z "$started" ] || [ -z "$running" ] || [ -z "$first" ] || [ -z "$end" ]; then
    echo "-"
    return
  fi
  awk -v r="$running" -v s="$(date -d "$started" +%s)" -v f="$(date -d "$first" +%s)" \
      -v l="$(date -d "$last" +%s)" -v e="$(date -d "$end" +%s)" \
    'BEGIN { printf "JVM+Spring start %.0f s, intake+read+stage %d s, merge %d s, outputs %d s", r, f - s, l - f, e - l }'
}

run_options=(--cifras.intake.quiet-period=0s --cifras.intake.archive=false "--cifras.run-date=$run_date")
# per pipeline phase: rows the pipeline read and cases in its store (last round), its stages (every round)
declare -A read_rows cases stage_text

# pipeline NAME RECORDS EXPORTS: scripts/run.sh on a copy of the exports, with the round's store
pipeline() {
  local name="$1" count="$2" exports="$3" summary="$work/output/run_summary.json"
  link_copy "$exports" "$work/$name"
  measure "$name" "$count" "$here/scripts/run.sh" --input "$work/$name" --output "$work/output" \
    --data "$work/data" "${run_options[@]}"
  read_rows[$name]="$(json_number rowsRead "$summary" 2>/dev/null || true)"
  cases[$name]="$(json_number casesInStore "$summary" 2>/dev/null || true)"
  stage_text[$name]+="${stage_text[$name]:+; }$(stages "$last_out")"
}

for round in $(seq 1 "$repeat"); do
  if [ "$repeat" -gt 1 ]; then echo "== round $round of $repeat" >&2; fi
  rm -rf "$work"
  mkdir -p "$work"

  # (a) floor
  measure floor "" java $java_opts -Dloader.path="$bench_classes" -Dloader.main=cl.sernac.cifras.bench.ParseFloor -cp "$jar" "$launcher" \
    "$bench/input"
  rec[floor]="$(sed -n 's/^records=\([0-9]*\).*/\1/p' "$last_out" | head -n 1)"
  rec[floor]="${rec[floor]:-0}"

  # (b) full rebuild on an empty store
  pipeline rebuild "$input_rows" "$bench/input"
  rebuilt="no"
  if [ "$last_rc" -eq 0 ]; then
    rebuilt="yes"
    cp "$work/output/tables/by_channel_year.csv" "$work/rebuild_by_channel_year.csv"
  fi

  # (b2) the peer: the same exports counted by DuckDB alone, and its table against Cifras'
  measure peer "$input_rows" java $java_opts -Dloader.path="$bench_classes" -Dloader.main=cl.sernac.cifras.bench.SqlPeer -cp "$jar" \
    "$launcher" "$bench/input" --out "$work/peer_by_channel_year.csv" --run-date "$run_date" \
    --work "$work/peer-work"
  peer_cases="$(sed -n 's/^cases=\([0-9]*\).*/\1/p' "$last_out" | head -n 1)"
  if [ "$last_rc" -ne 0 ] || [ "$rebuilt" != "yes" ]; then
    tables="not compared (a phase failed)"
    match="no"
  elif cmp -s "$work/rebuild_by_channel_year.csv" "$work/peer_by_channel_year.csv"; then
    if [ "$match" != "no" ]; then match="yes"; fi
    tables="equal: $(($(wc -l < "$work/peer_by_channel_year.csv") - 1)) rows (type, subtype, channel, year), $(group "$peer_cases") cases"
  else
    match="no"
    diff "$work/rebuild_by_channel_year.csv" "$work/peer_by_channel_year.csv" > "$logs/tables-differ.diff" || true
    tables="DIFFERENT in round $round: $(grep -c '^[<>]' "$logs/tables-differ.diff") lines differ (< Cifras, > peer: $logs/tables-differ.diff)"
    echo "bench.sh: the peer's table differs from Cifras' by_channel_year.csv:" >&2
    head -n 20 "$logs/tables-differ.diff" >&2
  fi

  # (c) nightly increment: the next month's exports alone, on the full store
  if [ "$rebuilt" = "yes" ]; then
    pipeline increment "$increment_rows" "$bench/increment"
  else
    echo "bench.sh: increment skipped: the rebuild failed" >&2
    failed+=("increment")
    status[increment]="skipped"
    rec[increment]="$increment_rows"
  fi
done

# median VALUES / lowest / highest: of space-separated numbers
median() {
  tr ' ' '\n' <<< "$1" | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit;
    if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
lowest() { tr ' ' '\n' <<< "$1" | sed '/^$/d' | sort -g | head -n 1; }
highest() { tr ' ' '\n' <<< "$1" | sed '/^$/d' | sort -g | tail -n 1; }
declare -A wall cpu rss spread
for p in floor rebuild peer increment; do
  wall[$p]="$(median "${walls[$p]:-}")"
  cpu[$p]="$(median "${cpus[$p]:-}")"
  rss[$p]="$(highest "${rsss[$p]:-}")"
  spread[$p]="$(lowest "${walls[$p]:-}")-$(highest "${walls[$p]:-}")"
done

# ---- results ----------------------------------------------------------------------------
per_second() { # records wall
  awk -v r="$1" -v w="$2" 'BEGIN { if (w > 0 && r != "") printf "%.0f", r / w; else printf "-" }'
}
ratio() { # a b
  awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b != "" && b > 0) printf "%.2f", a / b; else printf "-" }'
}
phase_state() {
  local s="${status[$1]:-}"
  if [ "$s" = "0" ]; then echo "ok"; elif [ "$s" = "skipped" ]; then echo "skipped"; else echo "FAILED ($s)"; fi
}

ok_wall() { # the wall time of a phase that completed, or nothing
  if [ "${status[$1]:-}" = "0" ]; then echo "${wall[$1]:-}"; fi
}
rebuild_over_floor="$(ratio "$(ok_wall rebuild)" "$(ok_wall floor)")"
increment_over_rebuild="$(ratio "$(ok_wall increment)" "$(ok_wall rebuild)")"
peer_over_rebuild="$(ratio "$(ok_wall peer)" "$(ok_wall rebuild)")"
cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1 || true)"
mem_total="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
cores="$(nproc)"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
java_version="$(java -version 2>&1 | head -n 1 || true)"
today="$(date '+%Y-%m-%d %H:%M:%S %z')"
revision="$(cd "$here" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"

table_text() {
  if [ "$repeat" -gt 1 ]; then
    echo "$repeat rounds: median wall and CPU s (records/s from the median wall), fastest-slowest wall, highest peak RSS"
  fi
  printf '%-10s %12s %12s %9s %13s %9s %13s  %s\n' phase records records/s "wall s" "wall range" "CPU s" \
    "peak RSS MiB" status
  for p in floor rebuild peer increment; do
    printf '%-10s %12s %12s %9s %13s %9s %13s  %s\n' "$p" "$(group "${rec[$p]:-}")" \
      "$(group "$(per_second "${rec[$p]:-}" "$(ok_wall "$p")")")" "${wall[$p]:--}" "${spread[$p]:--}" \
      "${cpu[$p]:--}" "${rss[$p]:--}" "$(phase_state "$p")"
  done
  echo
  echo "rebuild/floor (wall):      $rebuild_over_floor"
  echo "peer/rebuild (wall):       $peer_over_rebuild"
  echo "increment/rebuild (wall):  $increment_over_rebuild"
  echo "peer's table against Cifras' by_channel_year.csv: $tables"
}

table_markdown() {
  if [ "$repeat" -gt 1 ]; then
    echo "$repeat rounds: median wall and CPU s (records/s from the median wall), fastest-slowest wall, highest peak RSS."
    echo
  fi
  echo "| phase | records | records/s | wall s | wall range s | CPU s | peak RSS MiB | status |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for p in floor rebuild peer increment; do
    echo "| $p | $(group "${rec[$p]:-}") | $(group "$(per_second "${rec[$p]:-}" "$(ok_wall "$p")")") | ${wall[$p]:--} | ${spread[$p]:--} | ${cpu[$p]:--} | ${rss[$p]:--} | $(phase_state "$p") |"
  done
  echo
  echo "- rebuild/floor (wall): **$rebuild_over_floor**"
  echo "- peer/rebuild (wall): **$peer_over_rebuild**"
  echo "- increment/rebuild (wall): **$increment_over_rebuild**"
  echo "- the peer's table against Cifras' \`tables/by_channel_year.csv\`: **$tables**"
}

data_line="$input_files files, $(group "$input_rows") data rows ($months months $first_month..$last_month, $(group "${copy_rows:-0}") of them in re-delivered copies), $((input_bytes / 1048576)) MiB; increment $extra_month: $(group "$increment_rows") rows, $((increment_bytes / 1024)) KiB; generation: $generation"
stages_line="stages from the pipeline log (approximate): rebuild: ${stage_text[rebuild]:--}; increment: ${stage_text[increment]:--}"
pipeline_line="pipeline rows read: rebuild $(group "${read_rows[rebuild]:--}") (the copies are skipped as already ingested), increment $(group "${read_rows[increment]:--}"); cases in store: $(group "${cases[rebuild]:--}") after the rebuild, $(group "${cases[increment]:--}") after the increment"

echo
echo "Cifras benchmark: N=$records, seed $seed, $today"
echo "machine: $cores cores, $mem_total, $cpu_model; $java_version; JVM options: $java_opts"
echo "load average before/after: $load_before / $load_after (other processes on the machine distort the timings)"
echo "data: $data_line"
echo "shape: $shape_line"
echo "$pipeline_line"
echo "$stages_line"
echo
table_text

{
  echo "# Cifras benchmark, N = $(group "$records")"
  echo
  echo "- command: \`$command_line\` (revision $revision)"
  echo "- date: $today"
  echo "- machine: $cores cores (\`nproc\`), $mem_total memory, CPU $cpu_model; $java_version"
  echo "- load average before/after the phases: $load_before / $load_after"
  echo "- JVM options (all phases): \`$java_opts\`; pipeline options: \`${run_options[*]}\`"
  echo "- data (seed $seed): $data_line"
  echo "- shape of the data (bench/shape.sql): $shape_line"
  echo "- $pipeline_line"
  echo "- $stages_line"
  echo "- phases: floor = \`ParseFloor\` (CSV reader only, $cores threads); rebuild = \`scripts/run.sh\` on an empty store; peer = \`SqlPeer\` running \`bench/peer.sql\` (DuckDB alone); increment = \`scripts/run.sh\` with the next month's exports only, on the rebuilt store"
  echo
  table_markdown
} > "$bench/results.md"
echo
echo "Results: $bench/results.md  (logs: $logs)"

if [ "$keep" = false ]; then
  rm -rf "$work"
else
  echo "Work folder kept: $work"
fi

status_code=0
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench.sh: failed phases: ${failed[*]}" >&2
  status_code=1
fi
if [ "$match" != "yes" ]; then
  echo "bench.sh: the peer's table and Cifras' do not match: $tables" >&2
  status_code=1
fi
exit "$status_code"
