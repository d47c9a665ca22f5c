#!/usr/bin/env bash
# CPU per key of a commit's cache writes (ProfileCache.write) against one Vert.x future per key, one Hazelcast
# member on loopback. Usage: bench/cache-writes.sh [--batches 100] [--keys 2000] [--rounds 6]   (about a minute)
source "$(dirname "$0")/common.sh"
build
run_bench CacheWriteBench "$@"
