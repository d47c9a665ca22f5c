# Shared by bench/*.sh: compiles main and test classes, writes the test classpath, and defines run_bench.
# Sourced, not run. Keeps to the project's own Maven build; nothing here is part of `mvn verify`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build() {
  if ! mvn -B -q -o test-compile; then
    echo "offline build failed; trying online" >&2
    mvn -B -q test-compile
  fi
  if ! mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt; then
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
  fi
}

# The Hazelcast module flags of the pom's hz.argLine, read from the pom so that they never drift.
hz_flags() {
  sed -n 's:.*<hz.argLine>\(.*\)</hz.argLine>.*:\1:p' pom.xml
}

# run_bench CLASS [ARGS...]; BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=...), BENCH_CP adds
# classpath entries (e.g. async-profiler's jar, for IngestBench's -Dbench.profile=FILE).
run_bench() {
  local cls="$1"; shift
  # shellcheck disable=SC2046
  # a fixed, pre-touched heap, as a server is run: a heap that shrinks after the warm-up's collections and grows
  # again makes the measured load pay the kernel's page faults (seen as a third of the JVM's CPU time)
  exec java $(hz_flags) -Xms${BENCH_XMX:-3g} -Xmx${BENCH_XMX:-3g} -XX:+AlwaysPreTouch ${BENCH_JAVA_OPTS:-} \
    -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)${BENCH_CP:+:$BENCH_CP}" "io.customerhub.bench.$cls" "$@"
}
