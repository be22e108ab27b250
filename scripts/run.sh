#!/usr/bin/env bash
# Runs the Cifras pipeline once (or on a schedule). scripts/run.sh --help prints the usage.
#
# The command line is checked here before the JVM starts where a shell can tell (unknown
# options, missing values, years, the input folder, the cron's number of fields); the
# application checks the rest (property names, values, the cron itself). Both refuse a
# bad command line with one line in Spanish on stderr and exit 2.
#
# The application is built first when the jar is missing or older than the sources.
# Developer option: CIFRAS_CLASSPATH, when set, runs the application from that class path
# (e.g. target/classes plus the dependencies) instead of building and running the jar.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/cifras.jar"
first_year=1990
last_year=2100

usage() {
  cat <<'EOF'
Uso: scripts/run.sh [opciones] [--propiedad=valor ...]
     scripts/run.sh --check ARCHIVO... [--propiedad=valor ...]

Ejecuta Cifras una vez: toma lo nuevo de la carpeta de entrada y escribe el informe,
las tablas y el resumen en la carpeta de salida.

Opciones (cada una se puede dar como "--opción valor" o como "--opción=valor"):
  --input CARPETA      carpeta con las exportaciones (por omisión input/; si se da, debe existir)
  --output CARPETA     tablas, gráficos, informe, rechazos y resumen (por omisión output/)
  --data CARPETA       base de datos incorporada, archivos de trabajo y bloqueo (por omisión data/)
  --demo               llena una carpeta de entrada vacía con los datos de demostración 2014-2016
  --fresh              con --demo: vacía antes las carpetas de entrada, datos y salida
                       (pregunta en una terminal; sin terminal exige --yes)
  --yes                no pregunta antes de vaciar con --fresh
  --rebuild            vacía el almacén y vuelve a leer todos los archivos archivados
  --schedule "CRON"    queda en ejecución y corre según el cron (seis campos, hora de Chile),
                       p. ej. "0 0 2 * * *" cada noche a las 02:00
  --from-year AÑO      primer año del titular, la cuenta del período y los gráficos
  --to-year AÑO        último año de ellos (por omisión, todos los años con datos)
  --check ARCHIVO...   revisa los archivos como los leería una ejecución, sin guardar ni mover nada:
                       fuente, encabezado, columnas, primeras filas normalizadas y rechazos
                       (sale con 0 si todos se pueden leer y con 1 si alguno no)
  --propiedad=valor    cualquier propiedad de Cifras o de Spring, p. ej. --cifras.run-date=2026-01-31
  -h, --help           muestra esta ayuda
  --version            muestra la versión

Estado de salida:
  0  la ejecución terminó, con filas rechazadas o sin ellas
  1  la ejecución no pudo terminar o se detuvo; el mensaje dice por qué y la siguiente la retoma
  2  línea de comandos no válida
  3  otra ejecución usa la misma carpeta de datos (o la misma base PostgreSQL): esta no hizo nada
  4  la reconstrucción terminó, pero dejó fuera archivos que la configuración actual no puede leer
     (el resumen dice cuáles y por qué); las ejecuciones siguientes son normales

Opciones de la JVM: CIFRAS_JAVA_OPTS (por omisión -Xmx768m -XX:+UseSerialGC).
Más información: README.md (Quick start, Running, Nightly operation) y docs/SPEC.md.
EOF
}

refuse() {
  echo "run.sh: $1 (vea scripts/run.sh --help)" >&2
  exit 2
}

is_year() {
  [[ "$1" =~ ^[0-9]{4}$ ]] && [ "$((10#$1))" -ge "$first_year" ] && [ "$((10#$1))" -le "$last_year" ]
}

# Runs the application with these arguments, from CIFRAS_CLASSPATH or the (re)built jar.
launch() {
  local java_opts
  read -ra java_opts <<< "${CIFRAS_JAVA_OPTS:--Xmx768m -XX:+UseSerialGC}"
  umask 077
  if [ -n "${CIFRAS_CLASSPATH:-}" ]; then
    exec java "${java_opts[@]}" -cp "$CIFRAS_CLASSPATH" cl.sernac.cifras.CifrasApplication "$@"
  fi
  if [ ! -f "$jar" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "Compilando Cifras..." >&2
    (cd "$here" && mvn -q -B -DskipTests package) >&2
  fi
  exec java "${java_opts[@]}" -jar "$jar" "$@"
}

args=()
input="" output="" data="" from_year="" to_year="" schedule=""
demo=false fresh=false yes=false check=false rebuild=false
files=()

while [ $# -gt 0 ]; do
  arg="$1"
  shift
  case "$arg" in
    --input|--output|--data|--schedule|--from-year|--to-year)
      if [ $# -eq 0 ] || [ -z "$1" ] || [[ "$1" == --* ]]; then
        refuse "falta el valor de $arg"
      fi
      name="$arg" value="$1"
      shift ;;
    --input=*|--output=*|--data=*|--schedule=*|--from-year=*|--to-year=*)
      name="${arg%%=*}" value="${arg#*=}"
      [ -n "$value" ] || refuse "falta el valor de $name" ;;
    -h|--help) usage; exit 0 ;;
    --version) launch --version ;;
    --demo) demo=true; continue ;;
    --fresh) fresh=true; continue ;;
    --yes) yes=true; continue ;;
    --rebuild) rebuild=true; args+=("--cifras.rebuild=true"); continue ;;
    --check) check=true; continue ;;
    --*=*) args+=("$arg"); continue ;;
    -*) refuse "opción no reconocida: $arg" ;;
    *)
      $check || refuse "argumento no reconocido: $arg"
      files+=("$arg"); continue ;;
  esac
  case "$name" in
    --input) input="$value" ;;
    --output) output="$value" ;;
    --data) data="$value" ;;
    --schedule) schedule="$value" ;;
    --from-year) from_year="$value" ;;
    --to-year) to_year="$value" ;;
  esac
done

if $check; then
  [ "${#files[@]}" -gt 0 ] || refuse "--check necesita al menos un archivo"
  if $demo || $fresh || $yes || $rebuild || [ -n "$input$output$data$schedule$from_year$to_year" ]; then
    refuse "--check solo admite archivos y --propiedad=valor"
  fi
  launch --check "${files[@]}" "${args[@]}"
fi

for year in "--from-year:$from_year" "--to-year:$to_year"; do
  if [ -n "${year#*:}" ] && ! is_year "${year#*:}"; then
    refuse "${year%%:*} debe ser un año de cuatro cifras entre $first_year y $last_year, no «${year#*:}»"
  fi
done
if [ -n "$from_year" ] && [ -n "$to_year" ] && [ "$((10#$from_year))" -gt "$((10#$to_year))" ]; then
  refuse "el año inicial ($from_year) es posterior al año final ($to_year)"
fi
if [ -n "$input" ] && ! $demo; then
  [ -e "$input" ] || refuse "la carpeta de entrada «$input» no existe"
  [ -d "$input" ] || refuse "«$input» no es una carpeta"
fi
if [ -n "$schedule" ] && [[ "$schedule" != @* ]]; then
  read -ra fields <<< "$schedule"
  [ "${#fields[@]}" -eq 6 ] \
    || refuse "--schedule necesita seis campos (segundo minuto hora día mes día-de-la-semana), p. ej. \"0 0 2 * * *\", no «$schedule»"
fi
if $fresh; then
  $demo || refuse "--fresh solo se usa con --demo"
  [ -z "$schedule" ] || refuse "--fresh no se combina con --schedule"
  if ! $yes; then
    [ -t 0 ] || refuse "--fresh vacía carpetas: sin una terminal que pregunte, confírmelo con --yes"
    echo "--fresh borra todo lo que hay en las carpetas de entrada (${input:-input}), datos (${data:-data})" \
      "y salida (${output:-output}): exportaciones, almacén con su clave de RUT, informes." >&2
    read -r -p "¿Vaciarlas y empezar de nuevo? [s/N] " answer
    case "$answer" in
      s|S|si|sí|SI|SÍ) ;;
      *) echo "run.sh: no se vació nada ni se ejecutó nada." >&2; exit 1 ;;
    esac
  fi
fi

[ -z "$input" ] || args+=("--cifras.input-dir=$input")
[ -z "$output" ] || args+=("--cifras.output-dir=$output")
[ -z "$data" ] || args+=("--cifras.data-dir=$data")
[ -z "$schedule" ] || args+=("--cifras.schedule=$schedule")
[ -z "$from_year" ] || args+=("--cifras.report.from-year=$from_year")
[ -z "$to_year" ] || args+=("--cifras.report.to-year=$to_year")
! $demo || args+=("--cifras.demo=true")
! $fresh || args+=("--cifras.fresh=true")
launch "${args[@]}"
