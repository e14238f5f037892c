#!/usr/bin/env bash
# The quickstart sweep (configs/quickstart.yaml) through spark-submit; any spark-submit option may follow, and after
# "--" any option of deepmod sweep:  jobs/quickstart.sh --master spark://host:7077 -- --resume
# Without --master it runs on local[*]. See jobs/submit.sh.
set -euo pipefail
PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$PROJECT/jobs/submit.sh" "$PROJECT/configs/quickstart.yaml" "$@"
