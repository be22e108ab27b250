#!/usr/bin/env bash
# Installs (or replaces) a cron entry that runs Cifras once every night.
#
#   scripts/install-nightly.sh [--at HH:MM] [--remove] [run.sh options...]
#
# The entry runs scripts/run.sh from this folder with the given options (e.g. --input /srv/exports)
# and appends its output to data/nightly.log. Each run is one-shot: a run still going when the
# next starts makes the newcomer exit with status 3, touching nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
at="02:00"
remove=false
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --at) at="$2"; shift 2 ;;
    --remove) remove=true; shift ;;
    *) options+=("$(printf '%q' "$1")"); shift ;;
  esac
done
if ! [[ "$at" =~ ^([01][0-9]|2[0-3]):([0-5][0-9])$ ]]; then
  echo "install-nightly.sh: hora no válida: $at (HH:MM)" >&2
  exit 2
fi
hour="${BASH_REMATCH[1]#0}"; minute="${BASH_REMATCH[2]#0}"
marker="# cifras-nightly $here"
line="$minute $hour * * * cd $(printf '%q' "$here") && mkdir -p data && scripts/run.sh ${options[*]:-} >> data/nightly.log 2>&1 $marker"

if ! command -v crontab >/dev/null 2>&1; then
  echo "No se encontró crontab. Agregue esta línea al programador de tareas del sistema:" >&2
  echo "$line"
  exit 1
fi
current="$(crontab -l 2>/dev/null | grep -vF "$marker" || true)"
if $remove; then
  printf '%s\n' "$current" | sed '/^$/d' | crontab -
  echo "Ejecución nocturna de Cifras eliminada."
else
  printf '%s\n%s\n' "$current" "$line" | sed '/^$/d' | crontab -
  echo "Ejecución nocturna de Cifras instalada a las $at:"
  echo "  $line"
fi
