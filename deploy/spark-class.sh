#!/usr/bin/env bash
# Runs a Spark class (SparkSubmit, Master, Worker) the way Spark's bin/spark-class does, for a SPARK_HOME
# that may hold only jars/: Spark's own launcher (org.apache.spark.launcher.Main) builds the java command
# with the JVM flags Spark needs on this Java, and this script runs it.
#
#   SPARK_HOME=... deploy/spark-class.sh org.apache.spark.deploy.master.Master --host 127.0.0.1
#
# Without SPARK_HOME it uses the stand-in distribution the build makes (target/spark-home: Spark's runtime
# jars from Maven Central, filled by 'mvn -B -DskipTests package').
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPARK_HOME="${SPARK_HOME:-$PROJECT/target/spark-home}"
if [ ! -d "$SPARK_HOME/jars" ]; then
  echo "spark-class: $SPARK_HOME/jars does not exist; build it with 'mvn -B -DskipTests package' or set SPARK_HOME" >&2
  exit 2
fi
# A RELEASE file tells the launcher this is a distribution (jars under jars/, not a source tree).
[ -f "$SPARK_HOME/RELEASE" ] || [ -d "$SPARK_HOME/bin" ] || echo "Spark (jars from Maven Central)" > "$SPARK_HOME/RELEASE"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# As in Spark's bin/spark-class: the launcher prints messages line by line, then a NUL, then the command as
# NUL-separated arguments; its exit code is appended last.
set +o posix
CMD=()
DELIM=$'\n'
STARTED=false
while IFS= read -d "$DELIM" -r ARG; do
  if [ "$STARTED" = true ]; then
    CMD+=("$ARG")
  elif [ -z "$ARG" ]; then # the NUL line (bash drops the NUL itself): the command follows
    DELIM=''
    STARTED=true
  else
    echo "$ARG"
  fi
done < <("$JAVA" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"; printf "%d\0" $?)
LAST=$((${#CMD[@]} - 1))
STATUS="${CMD[$LAST]}"
if [ "$STATUS" != 0 ]; then
  exit "$STATUS"
fi
exec "${CMD[@]:0:$LAST}"
