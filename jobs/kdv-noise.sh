#!/usr/bin/env bash
# The kdv-noise sweep (configs/kdv-noise.yaml) through spark-submit; any spark-submit option may follow, and after
# "--" any option of deepmod sweep:  jobs/kdv-noise.sh --master spark://host:7077 -- --resume
# Without --master it runs on local[*]. See jobs/submit.sh.
set -euo pipefail
PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$PROJECT/jobs/submit.sh" "$PROJECT/configs/kdv-noise.yaml" "$@"
