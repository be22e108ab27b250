#!/usr/bin/env bash
# Runs the Cifras pipeline once.
#
#   scripts/run.sh [--input DIR] [--output DIR] [--data DIR] [--demo] [--key=value ...]
#
# --input DIR   folder with the exports (default input/)
# --output DIR  folder for tables, report and run summary (default output/)
# --data DIR    embedded database (with the RUT hashing key), staging, run lock (default data/)
# --demo        fill an empty input folder with the 2014-2016 demo data set first
# --schedule "CRON"  stay up and run on a cron schedule (Spring cron, 6 fields, Chile time),
#               e.g. --schedule "0 0 2 * * *" for every night at 02:00
# --rebuild     reprocess every archived file into a fresh store
# --from-year Y, --to-year Y   period of the report's headline, period account and charts
# Any other --key=value is a Spring property passed through (e.g. --cifras.run-date=2026-01-31).
#
# The application is built first when the jar is missing or older than the sources.
# Exit status: 0 when the run completed (with rejected rows or not), non-zero otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/cifras.jar"
args=()

while [ $# -gt 0 ]; do
  case "$1" in
    --input) args+=("--cifras.input-dir=$2"); shift 2 ;;
    --output) args+=("--cifras.output-dir=$2"); shift 2 ;;
    --data) args+=("--cifras.data-dir=$2"); shift 2 ;;
    --input=*) args+=("--cifras.input-dir=${1#*=}"); shift ;;
    --output=*) args+=("--cifras.output-dir=${1#*=}"); shift ;;
    --data=*) args+=("--cifras.data-dir=${1#*=}"); shift ;;
    --demo) args+=("--cifras.demo=true"); shift ;;
    --schedule) args+=("--cifras.schedule=$2"); shift 2 ;;
    --rebuild) args+=("--cifras.rebuild=true"); shift ;;
    --from-year) args+=("--cifras.report.from-year=$2"); shift 2 ;;
    --to-year) args+=("--cifras.report.to-year=$2"); shift 2 ;;
    --*=*) args+=("$1"); shift ;;
    *) echo "run.sh: argumento no reconocido: $1" >&2; exit 2 ;;
  esac
done

if [ ! -f "$jar" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "Compilando Cifras..." >&2
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi

umask 077
exec java ${CIFRAS_JAVA_OPTS:--Xmx768m -XX:+UseSerialGC} -jar "$jar" "${args[@]}"
