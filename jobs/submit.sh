#!/usr/bin/env bash
# Submits a sweep to a Spark master with spark-submit, as the application jar and its main class:
#
#   jobs/submit.sh SWEEP.yaml [spark-submit options] [-- deepmod sweep options]
#   jobs/submit.sh configs/burgers-noise.yaml --master spark://host:7077 --total-executor-cores 16 -- --resume
#
# spark-submit is $SPARK_HOME/bin/spark-submit, else spark-submit on PATH, else Spark's launcher over the jars
# of $SPARK_HOME or of the build's stand-in distribution (deploy/spark-class.sh). Without --master it runs
# on local[*]. The jar is $DEEPMOD_JAR, else target/deepmod-spark-*-all.jar ('mvn -B -DskipTests package').
# The driver runs here (client mode): it reads SWEEP.yaml from this machine and prints progress and the
# summary table; the output folder must be reachable by every executor (hdfs://, or a shared disk).
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi
SWEEP="$1"
shift
SUBMIT_OPTIONS=()
SWEEP_OPTIONS=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then
    shift
    SWEEP_OPTIONS=("$@")
    break
  fi
  SUBMIT_OPTIONS+=("$1")
  shift
done

JAR="${DEEPMOD_JAR:-$(ls "$PROJECT"/target/deepmod-spark-*-all.jar 2>/dev/null | head -n 1 || true)}"
if [ -z "$JAR" ] || [ ! -f "$JAR" ]; then
  echo "submit: no application jar; build it with 'mvn -B -DskipTests package' (or set DEEPMOD_JAR)" >&2
  exit 2
fi

if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  SUBMIT=("$SPARK_HOME/bin/spark-submit")
elif [ -z "${SPARK_HOME:-}" ] && command -v spark-submit > /dev/null; then
  SUBMIT=(spark-submit)
else
  SUBMIT=("$PROJECT/deploy/spark-class.sh" org.apache.spark.deploy.SparkSubmit)
fi

# The executor settings DeepMoD needs (DJL offline, passive OpenMP, the natives' cache, glibc's mmap
# threshold) are added by the sweep's driver unless given here or in spark-defaults.conf (see
# deploy/spark-defaults.conf). On local[*] the driver trains too: the same glibc setting as bin/deepmod.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-268435456}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-67108864}"
exec "${SUBMIT[@]}" --class org.deepmod.cli.Main ${SUBMIT_OPTIONS[@]+"${SUBMIT_OPTIONS[@]}"} \
  "$JAR" sweep "$SWEEP" ${SWEEP_OPTIONS[@]+"${SWEEP_OPTIONS[@]}"}
