#!/usr/bin/env bash
# Stops the Worker (and with it its executors) and the Master that deploy/standalone-start.sh started,
# by the process ids it recorded; gently first, forcibly after 20 s.
set -euo pipefail

RUN="${DEEPMOD_SPARK_RUN:-${XDG_RUNTIME_DIR:+$XDG_RUNTIME_DIR/deepmod-spark}}"
RUN="${RUN:-$HOME/.deepmod/spark}"

stop() {
  local name="$1" pid
  [ -f "$RUN/$name.pid" ] || return 0
  pid="$(cat "$RUN/$name.pid")"
  if kill -0 "$pid" 2> /dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2> /dev/null; then
      echo "standalone-stop: the $name (pid $pid) did not stop; killing it" >&2
      kill -9 "$pid" 2> /dev/null || true
    fi
    echo "stopped the $name (pid $pid)"
  fi
  rm -f "$RUN/$name.pid"
}

stop worker
stop master
