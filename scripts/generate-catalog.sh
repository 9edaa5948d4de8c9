#!/usr/bin/env bash
# Fills a catalog store with made-up children's-clothing products, for benchmarks and for
# trying the shop at size. Never part of the shipped sample catalog: the generator is a test
# class of catalog-service (CatalogGenerator), run here through Maven.
#
#   scripts/generate-catalog.sh --products=10000 --data-dir=/tmp/lt-data
#   LT_DATA_DIR=/tmp/lt-data RATE_LIMITS_ENABLED=false ./run.sh --full-jit   # then run the shop on it
#
#   scripts/generate-catalog.sh --products=10000 --mongodb-uri=mongodb://127.0.0.1:27017/catalog
#
# Options: --products=N (10000), --data-dir=DIR (an embedded store directory, as run.sh's
# LT_DATA_DIR; catalog-service must not be running on it) or --mongodb-uri=URI, --seed=S (1:
# the same seed makes the same catalog), --replace (delete the products and reservations
# already there instead of refusing), --json=FILE (also write them as a seed file, for
# `./mvnw -pl static-site -am package -Dsite.seed=FILE`), --currency=GBP.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -gt 0 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 1; }
args=()
for arg in "$@"; do
  case "$arg" in
    --data-dir=*|--json=*)
      # Relative paths are the caller's, not Maven's (which runs in catalog-service).
      value="${arg#*=}"
      [ "${value#/}" != "$value" ] || arg="${arg%%=*}=$PWD/$value"
      ;;
  esac
  args+=("$arg")
done
cd "$ROOT"
# The generator runs inside Maven's JVM, which .mvn/jvm.config keeps on C1 for short builds;
# thousands of products are long enough work for the full JIT.
MAVEN_OPTS="-XX:TieredStopAtLevel=4 ${MAVEN_OPTS:-}" ./mvnw -B -q -Dspring-javaformat.skip=true -pl catalog-service -am process-test-classes -Pgenerate-catalog \
  "-Dcatalog.generate=${args[*]}"
