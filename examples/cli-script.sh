#!/usr/bin/env bash
# A shell script with the `mpt` command: count, list as CSV, pick an id, read one object.
# Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… bash examples/cli-script.sh
#      (or without credentials: MPT_ARGS=--sandbox bash examples/cli-script.sh)
set -euo pipefail
mpt() { command mpt ${MPT_ARGS:-} "$@"; }

echo "completed orders: $(mpt commerce orders count --filter "eq(status,Completed)")"

echo "three published products:"
mpt catalog products list --filter "eq(status,Published)" --order name --select "-*,id,name" --limit 3 --format csv

# the first id of a CSV listing (header on line 1)
PRODUCT=$(mpt catalog products list --filter "eq(status,Published)" --limit 1 --select "-*,id" --format csv | tail -n 1)
echo "product $PRODUCT as JSON:"
mpt catalog products get "$PRODUCT" --select "-*,id,name,status" --format json
