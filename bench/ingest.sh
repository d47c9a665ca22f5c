#!/usr/bin/env bash
# Ingest through POST /api/v1/records/{source} (batches of 1000, resolved and committed) vs PostgreSQL COPY.
# Usage: bench/ingest.sh [SIZE ...] [--batch 1000] [--in-flight 1] [--with-orgs] [--seed 42] [--no-pairs] [--warmup 150000]
#   e.g. bench/ingest.sh 10000            (a few minutes)
#        bench/ingest.sh 10000 100000     (adds time(100k)/time(10k); may take an hour on a loaded 2-core machine)
# See bench/README.md.
source "$(dirname "$0")/common.sh"
build
run_bench IngestBench "$@"
