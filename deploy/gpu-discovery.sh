#!/usr/bin/env bash
# Spark's GPU discovery script: prints this machine's GPUs as Spark's resource JSON,
#
#   {"name": "gpu", "addresses": ["0", "1"]}
#
# the addresses being nvidia-smi's GPU indices. Named by spark.worker.resource.gpu.discoveryScript
# (standalone workers) and spark.executor.resource.gpu.discoveryScript (see deploy/spark-defaults.conf).
# No nvidia-smi, or nvidia-smi failing, is an error (exit 1, the reason on stderr) so that a node meant to
# offer GPUs does not silently offer none; a machine with no GPU prints an empty list.
set -euo pipefail

if ! command -v nvidia-smi > /dev/null 2>&1; then
  echo "gpu-discovery: nvidia-smi is not on PATH; this node cannot offer GPUs to Spark" >&2
  exit 1
fi
if ! INDICES="$(nvidia-smi --query-gpu=index --format=csv,noheader)"; then
  echo "gpu-discovery: nvidia-smi --query-gpu=index failed" >&2
  exit 1
fi
ADDRESSES=""
while IFS= read -r LINE; do
  INDEX="$(printf '%s' "$LINE" | tr -d '[:space:]')"
  [ -n "$INDEX" ] || continue
  case "$INDEX" in
    *[!0-9]*)
      echo "gpu-discovery: nvidia-smi gave '$INDEX', not a GPU index" >&2
      exit 1 ;;
  esac
  ADDRESSES="${ADDRESSES:+$ADDRESSES, }\"$INDEX\""
done <<< "$INDICES"
echo "{\"name\": \"gpu\", \"addresses\": [$ADDRESSES]}"
