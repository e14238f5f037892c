#!/usr/bin/env bash
# The burgers-noise sweep (configs/burgers-noise.yaml) through spark-submit; any spark-submit option may follow, and after
# "--" any option of deepmod sweep:  jobs/burgers-noise.sh --master spark://host:7077 -- --resume
# Without --master it runs on local[*]. See jobs/submit.sh.
set -euo pipefail
PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$PROJECT/jobs/submit.sh" "$PROJECT/configs/burgers-noise.yaml" "$@"
