#!/usr/bin/env bash
# Starts a standalone Spark Master and one Worker on this machine, in the background, from the project's jars
# (target/spark-home, made by 'mvn -B -DskipTests package') or from $SPARK_HOME; prints the master URL:
#
#   MASTER=$(deploy/standalone-start.sh)
#   bin/deepmod sweep configs/quickstart.yaml --master "$MASTER"     (or jobs/quickstart.sh --master "$MASTER")
#   deploy/standalone-stop.sh
#
# Settings (environment): SPARK_LOCAL_IP (127.0.0.1), MASTER_PORT (7077), MASTER_WEBUI_PORT (8080),
# WORKER_CORES (all cores), WORKER_MEMORY (4g), WORKER_WEBUI_PORT (8081), SPARK_PROPERTIES_FILE (e.g.
# deploy/spark-defaults.conf, for a Worker offering GPUs), DEEPMOD_SPARK_RUN (pid files, logs, the work folder
# and the secret; default $XDG_RUNTIME_DIR/deepmod-spark, else ~/.deepmod/spark; made readable by you alone),
# SPARK_AUTH_SECRET_FILE (the shared secret; default DEEPMOD_SPARK_RUN/secret, 256 random bits made at first use).
#
# The Master and Worker take only applications and executors that know the secret (spark.authenticate, RPC
# encrypted): a port on 127.0.0.1 is open to every user of this machine. Applications give it as
#   --conf spark.authenticate=true --conf spark.authenticate.secret.file=FILE
# (the sweep's driver reads the file; as deploy/spark-defaults.conf, which also encrypts their RPC and spills). The secret reaches the daemons in their
# environment (_SPARK_AUTH_SECRET), never on a command line, which every user can read in ps.
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="${DEEPMOD_SPARK_RUN:-${XDG_RUNTIME_DIR:+$XDG_RUNTIME_DIR/deepmod-spark}}"
RUN="${RUN:-$HOME/.deepmod/spark}"
HOST="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_LOCAL_IP="$HOST"
MASTER_URL="spark://$HOST:${MASTER_PORT:-7077}"
PROPERTIES=()
if [ -n "${SPARK_PROPERTIES_FILE:-}" ]; then
  PROPERTIES=(--properties-file "$SPARK_PROPERTIES_FILE")
fi
(umask 077 && mkdir -p "$RUN/work")
if [ -L "$RUN" ] || [ ! -O "$RUN" ]; then
  echo "standalone-start: $RUN is not a folder of yours; set DEEPMOD_SPARK_RUN to one" >&2
  exit 2
fi
chmod 700 "$RUN"

SECRET_FILE="${SPARK_AUTH_SECRET_FILE:-$RUN/secret}"
if [ ! -s "$SECRET_FILE" ]; then
  if [ -n "${SPARK_AUTH_SECRET_FILE:-}" ]; then
    echo "standalone-start: SPARK_AUTH_SECRET_FILE: $SECRET_FILE is missing or empty" >&2
    exit 2
  fi
  (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$SECRET_FILE")
fi
if [ -n "$(find "$SECRET_FILE" -perm /077)" ]; then
  echo "standalone-start: $SECRET_FILE can be read by other users; chmod 600 it" >&2
  exit 2
fi
_SPARK_AUTH_SECRET="$(cat "$SECRET_FILE")"
export _SPARK_AUTH_SECRET
# The Master's REST submission server (port 6066) takes applications without the secret: off. Its web UI and
# the Worker's have no authentication: their kill links (a POST anyone could send) off.
SECURITY="-Dspark.authenticate=true -Dspark.network.crypto.enabled=true -Dspark.master.rest.enabled=false"
SECURITY="$SECURITY -Dspark.ui.killEnabled=false"
export SPARK_DAEMON_JAVA_OPTS="${SPARK_DAEMON_JAVA_OPTS:-} $SECURITY"

running() {
  [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2> /dev/null
}

start() {
  local name="$1"
  shift
  if running "$name"; then
    echo "standalone-start: the $name already runs (pid $(cat "$RUN/$name.pid"))" >&2
    return
  fi
  nohup "$PROJECT/deploy/spark-class.sh" "$@" > "$RUN/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
}

await() {
  local name="$1" line="$2"
  for _ in $(seq 1 180); do
    if grep -q "$line" "$RUN/$name.log" 2> /dev/null; then
      return
    fi
    if ! running "$name"; then
      break
    fi
    sleep 0.5
  done
  echo "standalone-start: the $name did not start; its log ($RUN/$name.log) ends:" >&2
  tail -n 20 "$RUN/$name.log" >&2
  exit 1
}

start master org.apache.spark.deploy.master.Master --host "$HOST" --port "${MASTER_PORT:-7077}" \
  --webui-port "${MASTER_WEBUI_PORT:-8080}" ${PROPERTIES[@]+"${PROPERTIES[@]}"}
await master "I have been elected leader"
start worker org.apache.spark.deploy.worker.Worker --host "$HOST" --cores "${WORKER_CORES:-$(nproc)}" \
  --memory "${WORKER_MEMORY:-4g}" --webui-port "${WORKER_WEBUI_PORT:-8081}" --work-dir "$RUN/work" \
  ${PROPERTIES[@]+"${PROPERTIES[@]}"} "$MASTER_URL"
await worker "Successfully registered with master"
echo "standalone-start: authentication on; applications need --conf spark.authenticate=true" \
  "--conf spark.authenticate.secret.file=$SECRET_FILE (and, to encrypt their own traffic and spills," \
  "--conf spark.network.crypto.enabled=true --conf spark.io.encryption.enabled=true)" >&2
echo "$MASTER_URL"
