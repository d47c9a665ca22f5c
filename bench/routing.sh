#!/usr/bin/env bash
# Routing read path (GET /api/v1/routing/{source}/{sourceId}, role router) vs a bare Vert.x server, same JVM run.
# Usage: bench/routing.sh [--persons 5000] [--connections 32] [--warmup 5] [--duration 15] [--rounds 2] [--jit 15]
#                         [--seed 42] [--client-loops 2] [--port-zero]
# See bench/README.md.
source "$(dirname "$0")/common.sh"
build
run_bench RoutingBench "$@"
