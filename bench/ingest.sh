#!/usr/bin/env bash
# Ingest through POST /api/v1/records/{source} (batches of 1000, resolved and committed) vs PostgreSQL COPY.
# Usage: bench/ingest.sh [SIZE ...] [--batch 1000] [--in-flight 2] [--with-orgs] [--seed 42] [--no-pairs] [--warmup 300000]
#   e.g. bench/ingest.sh 10000            (about 4 minutes, most of it the JIT warm-up)
#        bench/ingest.sh 10000 100000     (adds time(100k)/time(10k); about 6 minutes on an idle 2-core machine)
# See bench/README.md.
source "$(dirname "$0")/common.sh"
build
run_bench IngestBench "$@"
