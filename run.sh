#!/usr/bin/env bash
# Runs Little Threads on this machine: no Docker, no MongoDB to install. Each service keeps
# its data in one file under the data directory (an embedded MongoDB-wire store), so data
# survives restarts. Ctrl-C stops everything.
#
#   ./run.sh            build what is missing or stale, start, wait until healthy
#   ./run.sh --wipe     delete the stored data first (accounts, the admin password and the
#                       catalog; the sample catalog is loaded again)
#   ./run.sh --prometheus
#                       also start Prometheus (Debian's `prometheus` package) on 127.0.0.1,
#                       scraping every service with the shop's alert rules
#                       (observability/prometheus/rules): its graph and alerts pages show the
#                       metrics in a browser. Its samples stay in the run directory.
#   ./run.sh --full-jit every service with the JVM's optimising compiler (C2) as well, as
#                       in production: for load tests and benchmarks. Without it the
#                       services compile with C1 alone (as Spring Boot's own spring-boot:run
#                       and bootRun do): on two cores the stack is ready in about half the
#                       time and holds less memory; it serves browsing about as fast, but a
#                       sign-in takes longer and it gives up throughput at saturation
#                       (docs/benchmarks.md).
#   INSTANCES=2 ./run.sh
#                       every service (user, catalog, payment) as two instances, as they
#                       would run behind a load balancer: the gateway spreads requests over
#                       them, and the stores run as a process of their own (the same data
#                       files), so that any one instance can stop or die. The second
#                       instance of a service listens LT_INSTANCE_PORT_STEP (100) above the
#                       first: 8181, 8182, 8183 by default.
#
# The shop's admin account is admin@littlethreads.local. Its password is made up once, kept
# in <data directory>/admin-password (readable only by you) and printed at every start.
#
# Payments go to the Stripe emulator (stripe-emulator, its hosted page takes Stripe's test
# cards) unless STRIPE_SECRET_KEY is set: then payment-service talks to Stripe itself, the
# emulator is not started, and STRIPE_WEBHOOK_SECRET must be the one `stripe listen` prints.
#
# Environment: LT_DATA_DIR (default ./data), LT_RUN_DIR (logs, default ./.run),
# GATEWAY_PORT (8080), GATEWAY_MANAGEMENT_PORT (8079, the gateway's actuator, on loopback),
# USER_PORT (8081), CATALOG_PORT (8082), PAYMENT_PORT (8083), STRIPE_EMULATOR_PORT (8090),
# LT_STARTUP_TIMEOUT seconds (240), LT_FAST_START_DIR (the start-up archives, one directory
# per module; by default each module's target/fast-start), LT_JAVA_HOME (the JDK the
# services run on; by default the java on the PATH, or a Java 25 or newer installed beside
# it), ADMIN_EMAIL and ADMIN_PASSWORD (the admin's sign-in instead of the generated one),
# STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (a real Stripe test account), TRUSTED_PROXIES
# (the gateway's only: CIDRs of a proxy in front of it), PROMETHEUS_PORT (9090, with
# --prometheus), INSTANCES (1 to 9) and LT_INSTANCE_PORT_STEP, SHUTDOWN_DRAIN_DELAY (with
# several instances: how long a stopping instance still takes requests after its readiness
# turned DOWN, 3s, above the gateway's 2 s health checks).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_DIR="${LT_DATA_DIR:-$ROOT/data}"
RUN_DIR="${LT_RUN_DIR:-$ROOT/.run}"
LOG_DIR="$RUN_DIR/logs"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-8079}"
USER_PORT="${USER_PORT:-8081}"
CATALOG_PORT="${CATALOG_PORT:-8082}"
PAYMENT_PORT="${PAYMENT_PORT:-8083}"
STRIPE_EMULATOR_PORT="${STRIPE_EMULATOR_PORT:-8090}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
STARTUP_TIMEOUT="${LT_STARTUP_TIMEOUT:-240}"
FAST_START_DIR="${LT_FAST_START_DIR:-}"
if [ -n "$FAST_START_DIR" ]; then
  mkdir -p "$FAST_START_DIR" 2>/dev/null && FAST_START_DIR="$(cd "$FAST_START_DIR" && pwd)" \
    || { printf 'run.sh: LT_FAST_START_DIR %s is not a directory that can be made\n' "$FAST_START_DIR" >&2; exit 1; }
fi
INSTANCES="${INSTANCES:-1}"
PORT_STEP="${LT_INSTANCE_PORT_STEP:-100}"
[[ "$INSTANCES" =~ ^[1-9]$ ]] || { printf 'run.sh: INSTANCES must be a number from 1 to 9, not %s\n' "$INSTANCES" >&2; exit 1; }
[[ "$PORT_STEP" =~ ^[1-9][0-9]*$ ]] || { printf 'run.sh: LT_INSTANCE_PORT_STEP must be a positive number, not %s\n' "$PORT_STEP" >&2; exit 1; }
PUBLIC_URL="http://localhost:$GATEWAY_PORT"

# Every instance of a service, as comma-separated base URIs: the first on the service's
# port, each next one PORT_STEP above.
instance_uris() {
  local uris="" k
  for k in $(seq 0 $((INSTANCES - 1))); do uris+="http://127.0.0.1:$(($1 + k * PORT_STEP)),"; done
  printf '%s' "${uris%,}"
}
USER_URIS="$(instance_uris "$USER_PORT")"
CATALOG_URIS="$(instance_uris "$CATALOG_PORT")"
PAYMENT_URIS="$(instance_uris "$PAYMENT_PORT")"
if [ "$INSTANCES" -eq 1 ]; then
  # Each service holds its store in-process; @store:<database>@ below becomes this.
  STORE_ARGS="--littlethreads.embedded-mongo.enabled=true --littlethreads.embedded-mongo.data-directory=$DATA_DIR"
  # user-service's keys, straight from it.
  JWKS_URI="http://127.0.0.1:$USER_PORT/.well-known/jwks.json"
  WEBHOOK_URL="http://127.0.0.1:$PAYMENT_PORT/api/payments/stripe/webhook"
else
  # Through the gateway, as Stripe and a browser reach the shop (the gateway's own key
  # lookups too): it balances over the instances, skips one that is down and sends a
  # refused request to another.
  JWKS_URI="http://127.0.0.1:$GATEWAY_PORT/.well-known/jwks.json"
  WEBHOOK_URL="http://127.0.0.1:$GATEWAY_PORT/api/payments/stripe/webhook"
  STORE_ARGS="" # the stores' addresses, once they run
fi
JWKS="--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=$JWKS_URI"

ADMIN_EMAIL="${ADMIN_EMAIL:-admin@littlethreads.local}"
ADMIN_PASSWORD_FILE="$DATA_DIR/admin-password"

if [ -n "${STRIPE_SECRET_KEY:-}" ]; then
  [ -n "${STRIPE_WEBHOOK_SECRET:-}" ] || {
    printf 'run.sh: with STRIPE_SECRET_KEY set, STRIPE_WEBHOOK_SECRET is needed too (the whsec_... that `stripe listen` prints)\n' >&2
    exit 1
  }
  use_emulator=false
  stripe_key="$STRIPE_SECRET_KEY"
  stripe_api_base="${STRIPE_API_BASE:-https://api.stripe.com}"
  webhook_secret="$STRIPE_WEBHOOK_SECRET"
else
  use_emulator=true
  stripe_key="sk_test_emulator"
  stripe_api_base="http://127.0.0.1:$STRIPE_EMULATOR_PORT"
  webhook_secret="whsec_$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
fi
# Made up at every start: only these processes share them, and nothing stores them.
payment_client_secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# name, module, port, maximum heap (jvm_options below sizes the rest), extra arguments, in
# start order: user-service first, since it signs the tokens the others check.
# catalog-service gets more: it holds the catalog in memory (about 35 MB at 10,000 products),
# and here the embedded store shares its JVM, whose page cache holds about 95 MB more at that
# size; on MongoDB (docker-compose) 256m is plenty (66 MB live at 10,000 products).
SERVICES=(
  "user-service|user-service|$USER_PORT|192m|@store:users@ --users.auth.secure-cookie=false"
  "catalog-service|catalog-service|$CATALOG_PORT|512m|@store:catalog@ $JWKS"
)
if $use_emulator; then
  SERVICES+=("stripe-emulator|stripe-emulator|$STRIPE_EMULATOR_PORT|96m|--emulator.webhook.url=$WEBHOOK_URL --emulator.public-url=http://localhost:$STRIPE_EMULATOR_PORT")
fi
SERVICES+=(
  "payment-service|payment-service|$PAYMENT_PORT|192m|@store:payments@ $JWKS"
  "gateway-service|gateway-service|$GATEWAY_PORT|192m|--management.server.port=$GATEWAY_MANAGEMENT_PORT --littlethreads.routes.catalog-uris=$CATALOG_URIS --littlethreads.routes.user-uris=$USER_URIS --littlethreads.routes.payment-uris=$PAYMENT_URIS --littlethreads.rate-limits.jwks-uri=$JWKS_URI --littlethreads.site.dir=$ROOT/static-site/target/site"
)

say() { printf '%s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

wipe=false
with_prometheus=false
full_jit=false
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=true ;;
    --prometheus) with_prometheus=true ;;
    --full-jit) full_jit=true ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) fail "unknown option $arg (try --help)" ;;
  esac
done

# The java the services run on (the build uses whichever java Maven finds; the jars target
# 17): LT_JAVA_HOME's when set. Otherwise the java on the PATH, unless it is older than 25
# and a Java 25 or newer is installed beside it (JAVA_HOME, or a JDK under /usr/lib/jvm,
# /usr/java or /opt/java): then the newest of those, for its AOT cache, which starts the
# stack about a fifth faster than Java 17's class-data archive (docs/benchmarks.md).
java_major_of() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [ -n "${LT_JAVA_HOME:-}" ]; then
  JAVA="$LT_JAVA_HOME/bin/java"
  [ -x "$JAVA" ] || fail "LT_JAVA_HOME is $LT_JAVA_HOME, which has no bin/java"
  java_major=$(java_major_of "$JAVA")
else
  JAVA="$(command -v java || true)"
  [ -n "$JAVA" ] || fail "Java 17 or newer is needed (java is not on the PATH)"
  java_major=$(java_major_of "$JAVA")
  if ! [ "${java_major%%.*}" -ge 25 ] 2>/dev/null; then
    # Each JDK asked once (every start pays for each java it asks): Debian links one JDK
    # under several names.
    declare -A asked=(["$(readlink -f "$JAVA")"]=1)
    wanted=25
    for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java; do
      [ -x "$candidate" ] || continue
      real="$(readlink -f "$candidate")"
      [ -z "${asked[$real]:-}" ] || continue
      asked[$real]=1
      candidate_major=$(java_major_of "$candidate")
      if [ "${candidate_major%%.*}" -ge "$wanted" ] 2>/dev/null; then
        JAVA="$candidate" java_major="$candidate_major" wanted=$((${candidate_major%%.*} + 1))
      fi
    done
  fi
fi
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed (found $java_major at $JAVA)"
say "The services run on Java $java_major ($JAVA)."
$full_jit || say "A development launch: the services compile with C1 alone (./run.sh --full-jit for load tests)."
command -v curl >/dev/null || fail "curl is needed to check the services' health"
if $with_prometheus; then
  command -v prometheus >/dev/null \
    || fail "--prometheus needs Prometheus on the PATH (Debian: apt-get install prometheus)"
fi

jar_of() { printf '%s/%s/target/%s-0.1.0-SNAPSHOT.jar' "$ROOT" "$1" "$1"; }

# The embedded store is in no service's jar (production runs on MongoDB): platform-dev-store's
# build leaves its jars in target/dev-store, which each service that keeps data gets on its
# classpath (extra_classpath_of below).
DEV_STORE_LIB="$ROOT/platform-dev-store/target/dev-store"

# Build when a jar is missing or anything it is built from changed since.
needs_build=false
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r _ module _ _ _ <<<"$entry"
  jar=$(jar_of "$module")
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$module/src" "$ROOT/$module/pom.xml" "$ROOT/platform/src" \
      "$ROOT/platform/pom.xml" "$ROOT/platform-core/src" "$ROOT/platform-core/pom.xml" "$ROOT/pom.xml" \
      -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
DEV_STORE_JAR="$DEV_STORE_LIB/platform-dev-store-0.1.0-SNAPSHOT.jar"
if [ ! -f "$DEV_STORE_JAR" ] || [ -n "$(find "$ROOT/platform-dev-store/src" "$ROOT/platform-dev-store/pom.xml" \
    "$ROOT/pom.xml" -newer "$DEV_STORE_JAR" -print -quit 2>/dev/null)" ]; then
  needs_build=true
fi
# The storefront the gateway serves: generated from the catalog's seed by static-site's build.
SITE_INDEX="$ROOT/static-site/target/site/index.html"
if [ ! -f "$SITE_INDEX" ] || [ -n "$(find "$ROOT/static-site/src" "$ROOT/static-site/pom.xml" \
    "$ROOT/catalog-service/src/main/resources/seed" -newer "$SITE_INDEX" -print -quit 2>/dev/null)" ]; then
  needs_build=true
fi
if $needs_build; then
  say "Building (first run, or sources changed)..."
  modules=$(for entry in "${SERVICES[@]}"; do IFS='|' read -r _ module _ _ _ <<<"$entry"; printf '%s,' "$module"; done)
  # No container images (a CI machine's build makes them, see pom.xml): only the jars run here.
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true -Dimage.skip=true package -pl "${modules}static-site,platform-dev-store" -am) \
    || fail "the build failed (see above)"
  # The jars carry the build's fixed output timestamp (reproducible builds), not the time
  # they were built; without this every start would look stale and build again.
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r _ module _ _ _ <<<"$entry"
    touch "$(jar_of "$module")"
  done
  touch "$DEV_STORE_JAR"
fi

# With several instances: user-, catalog- and payment-service once per instance (the
# second named catalog-service-2, and so on), each next one PORT_STEP above; the emulator
# (Stripe) and the gateway (the edge) once.
if [ "$INSTANCES" -gt 1 ]; then
  expanded=()
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name module port heap args <<<"$entry"
    case "$module" in
      user-service|catalog-service|payment-service)
        for k in $(seq 1 "$INSTANCES"); do
          suffix=""; [ "$k" -gt 1 ] && suffix="-$k"
          expanded+=("$name$suffix|$module|$((port + (k - 1) * PORT_STEP))|$heap|$args")
        done ;;
      *) expanded+=("$entry") ;;
    esac
  done
  SERVICES=("${expanded[@]}")
fi

# The gateway's actuator has a port of its own (never the public one); the services answer
# health on theirs.
health_port() {
  if [ "$1" = gateway-service ]; then printf '%s' "$GATEWAY_MANAGEMENT_PORT"; else printf '%s' "$2"; fi
}

# Ready: the readiness group UP on a service's (or the gateway's management) port.
healthy() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; }
# Waits, asking every INTERVAL seconds, until the service on PORT is ready (0), its
# process PID has ended (1) or SECONDS has reached DEADLINE (2).
#   await_healthy PORT PID DEADLINE INTERVAL
await_healthy() {
  until healthy "$1"; do
    kill -0 "$2" 2>/dev/null || return 1
    [ $SECONDS -lt "$3" ] || return 2
    sleep "$4"
  done
}
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name _ port _ _ <<<"$entry"
  if in_use "$port"; then
    port_variable="$(printf '%s' "${name%%-*}" | tr '[:lower:]' '[:upper:]')_PORT"
    [ "$name" = stripe-emulator ] && port_variable=STRIPE_EMULATOR_PORT
    fail "port $port (for $name) is already in use: is Little Threads already running? Set $port_variable to use another (GATEWAY_PORT, USER_PORT, CATALOG_PORT, PAYMENT_PORT, STRIPE_EMULATOR_PORT)."
  fi
done
if in_use "$GATEWAY_MANAGEMENT_PORT"; then
  fail "port $GATEWAY_MANAGEMENT_PORT (the gateway's actuator) is already in use: is Little Threads already running? Set GATEWAY_MANAGEMENT_PORT to use another."
fi
if $with_prometheus && in_use "$PROMETHEUS_PORT"; then
  fail "port $PROMETHEUS_PORT (for Prometheus) is already in use. Set PROMETHEUS_PORT to use another."
fi

if $wipe; then
  say "Wiping stored data in $DATA_DIR"
  rm -rf "$DATA_DIR"
fi
mkdir -p "$DATA_DIR" "$LOG_DIR"

# The admin's password: given, or made up on the first start and kept with the data, so
# that every later start prints the one user-service's admin account was created with.
if [ -n "${ADMIN_PASSWORD:-}" ]; then
  admin_password="$ADMIN_PASSWORD"
  admin_password_note="(from ADMIN_PASSWORD)"
else
  if [ ! -s "$ADMIN_PASSWORD_FILE" ]; then
    # 24 characters drawn from 62: about 140 bits, far beyond any guessing.
    random=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    (umask 077 && printf '%s\n' "${random:0:24}" >"$ADMIN_PASSWORD_FILE")
  fi
  chmod 600 "$ADMIN_PASSWORD_FILE"
  admin_password=$(head -n 1 "$ADMIN_PASSWORD_FILE")
  [ ${#admin_password} -ge 16 ] || fail "$ADMIN_PASSWORD_FILE holds no usable password: delete it (or use --wipe)"
  admin_password_note="(kept in $ADMIN_PASSWORD_FILE)"
fi

# The environment a service starts with, its training run's too: each process gets only
# the secrets it needs, in its environment (never on the command line, where ps shows
# them). TRUSTED_PROXIES is the gateway's: the services keep their own default (loopback,
# where this gateway runs), which the shell's value would replace. Sets LAUNCH_ENV.
service_environment() {
  # MALLOC_ARENA_MAX: glibc's malloc keeps up to 8 arenas per core, each growing on its
  # own; the JVM's own allocations need no more than two.
  LAUNCH_ENV=(env -u ADMIN_EMAIL -u ADMIN_PASSWORD -u STRIPE_SECRET_KEY -u STRIPE_WEBHOOK_SECRET -u PAYMENT_CLIENT_SECRET
    -u TRUSTED_PROXIES "PUBLIC_URL=$PUBLIC_URL" MALLOC_ARENA_MAX=2)
  if [ "$INSTANCES" -gt 1 ]; then
    LAUNCH_ENV+=("SHUTDOWN_DRAIN_DELAY=${SHUTDOWN_DRAIN_DELAY:-3s}")
  fi
  case "$1" in
    user-service)
      LAUNCH_ENV+=("ADMIN_EMAIL=$ADMIN_EMAIL" "ADMIN_PASSWORD=$admin_password" "PAYMENT_CLIENT_SECRET=$payment_client_secret") ;;
    stripe-emulator)
      # The same key payment-service gets: the emulator accepts no other, as Stripe would not.
      LAUNCH_ENV+=("STRIPE_SECRET_KEY=$stripe_key" "STRIPE_WEBHOOK_SECRET=$webhook_secret") ;;
    payment-service)
      LAUNCH_ENV+=("STRIPE_SECRET_KEY=$stripe_key" "STRIPE_WEBHOOK_SECRET=$webhook_secret" "STRIPE_API_BASE=$stripe_api_base"
        "PAYMENT_CLIENT_SECRET=$payment_client_secret" "CATALOG_URI=$CATALOG_URIS" "USER_URI=$USER_URIS") ;;
    gateway-service)
      LAUNCH_ENV+=("TRUSTED_PROXIES=${TRUSTED_PROXIES:-}") ;;
  esac
}

# Each JVM sized for what it holds, measured (docs/benchmarks.md, "Start-up and memory"):
# the heap given in SERVICES; Serial GC, whose one-thread collector suits heaps this
# small on two cores; metaspace capped a little above what each uses after load, so a
# leak shows up as an error rather than as a slowly growing process.
# Sets JVM_OPTIONS.
jvm_options() {
  local module=$1 heap=$2 initial=64m young=10m code=""
  # The initial heap is about what a service holds once started (its live data plus a
  # young generation): Serial GC grows the heap when it holds more, up to the maximum.
  # The young generation is set on its own: every page of it is touched within seconds
  # of the start and stays resident, and what these services allocate per request dies
  # young, so a small one costs a collection of a millisecond or so more often (Serial
  # GC would make it a third of the initial heap: 21 MB here, 30 MB more for the stack).
  # catalog-service keeps the larger default: its read model is rebuilt in bulk, and its
  # p99 under load is what issue 14's benchmark measures.
  # The code cache keeps the JVM's own size for the services C2 compiles: reserved, not
  # resident. On Java 21 and newer a full collection (Serial GC's only kind) is started
  # each time compiled code grows by SweeperThreshold (15 %) of that size since the last
  # one, to unload cold code ("CodeCache GC Threshold"): with a 96 MB cap that was three
  # full collections of 240 to 300 ms in catalog-service's first minutes under load, and
  # at the default size still one of 290 to 330 ms (36 MB of 240; docs/benchmarks.md).
  # At 100 % it never comes (the collection when the cache is nearly full still does).
  # The same holds for class metadata: the first time it passes -XX:MetaspaceSize (21 MB
  # by default) a full collection comes, so that mark is set above what the services load.
  case "$module" in
    catalog-service) initial=96m young="" ;;
    # A development tool that serves a handful of requests: C1 alone compiles enough, and
    # keeps C2's compiler threads, memory and code out of the process.
    stripe-emulator) initial=32m young=4m code=32m ;;
  esac
  JVM_OPTIONS=("-Xms$initial" "-Xmx$heap" ${young:+"-Xmn$young"} -XX:+UseSerialGC -Xss512k
    -XX:MetaspaceSize=64m -XX:MaxMetaspaceSize=192m ${code:+"-XX:ReservedCodeCacheSize=$code"}
    -XX:SweeperThreshold=100)
  [ "$module" = stripe-emulator ] && JVM_OPTIONS+=(-XX:TieredStopAtLevel=1)
  # The start-up archive mapped where it was made rather than at a random address: moved,
  # every pointer in it is rewritten at start, and the rewritten pages become a private
  # copy in each process (about 40 MB a service on Java 25); in place they stay the file's
  # pages, which the kernel can drop and two instances of a service share. (RSS counts
  # them either way.) Address randomisation of the archive is a hardening for production,
  # where the Dockerfile keeps the JVM's default; this is the development stack.
  JVM_OPTIONS+=(-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
  [ -n "$TRIM_NATIVE_HEAP" ] && JVM_OPTIONS+=("$TRIM_NATIVE_HEAP")
  return 0
}
# The C2 compiler's scratch memory, freed after start-up, stays in malloc's heap, about 30
# MB a service, until something gives it back: every 2 s, when this java can (17.0.9 and
# newer; an older one would refuse to start with the option).
TRIM_NATIVE_HEAP=-XX:TrimNativeHeapInterval=2000
"$JAVA" "$TRIM_NATIVE_HEAP" -version >/dev/null 2>&1 || TRIM_NATIVE_HEAP=""

# Start-up archives. Each service runs from its jar extracted next to it
# (<module>/target/fast-start/app), with the classes it loads while starting stored by
# one training run: a class-data sharing archive (app.jsa) on Java 17 to 24, the AOT
# cache (app.aot, which also keeps classes linked and profiled) on Java 25 or newer. The
# training run starts the service as a real start does, on a port of its own (see
# training_ports), until it answers ready; with the others training beside it, the
# gateway then serves the storefront and a few catalog and key requests, passed on to them;
# then each is stopped, and its JVM writes the archive as it exits. So the archive holds
# what a start and the first requests load (the web server's classes, the health
# endpoint's, a proxied request's), not only what making the beans does (Spring Boot's
# -Dspring.context.exit=onRefresh: no web server, no request; the Dockerfile's, which
# has no other service to call). Each training run keeps data on a store of its own in
# the fast-start directory, thrown away after, so it never writes to the data directory.
# Made once after each build and kept: the key file names the jar (size, and the archive
# must be newer), the java and the options, and a change to any of them makes the next
# start train again.
JAVA_VERSION_LINE="$("$JAVA" -version 2>&1 | head -n 1) $JAVA"
if [ "${java_major%%.*}" -ge 25 ] 2>/dev/null; then start_archive=app.aot; else start_archive=app.jsa; fi
# More classpath for a module, after the application's own: jars, colon-separated (a
# directory's jars as DIR/*). The services that keep data get the development store, which
# no production jar contains (platform-dev-store's build leaves its jars in DEV_STORE_LIB).
extra_classpath_of() {
  case "$1" in
    user-service|catalog-service|payment-service) EXTRA_CLASSPATH="$DEV_STORE_LIB/*" ;;
    *) EXTRA_CLASSPATH="" ;;
  esac
}
TRAINING_STORE="littlethreads.embedded-mongo"
# What the training runs serve once ready: the storefront, and through the gateway the
# requests a shopper's first pages make (passed on to the services training beside it;
# one that is not training answers an error, which trains too).
TRAINING_REQUESTS=(/ /category/tops/ /api/catalog/categories "/api/catalog/products?pageSize=24" /.well-known/jwks.json)
# How an archive was trained, in its key: one trained otherwise (until the context was
# refreshed, before) is made again.
TRAINING="trained until ready, then ${TRAINING_REQUESTS[*]}"

# Where a module's archive lives: LT_FAST_START_DIR/<module> when set (archives kept
# apart from the build, or one checkout's runs on two javas), its target/fast-start
# otherwise, so that a clean build throws it away with the jar.
fast_start_dir() {
  if [ -n "$FAST_START_DIR" ]; then printf '%s/%s' "$FAST_START_DIR" "$1"
  else printf '%s/%s/target/fast-start' "$ROOT" "$1"; fi
}

# The one place a service's java command is made, for its training run and its real run
# alike: a JVM uses an archive only when started as the one that made it was (the same
# classpath, java and options). Sets JAVA_CMD.
#   java_command train|run MODULE HEAP [ARGUMENTS...]
# "run" uses the archive when it is ready, and the jar itself otherwise.
java_command() {
  local mode=$1 module=$2 heap=$3 dir main
  shift 3
  dir="$(fast_start_dir "$module")"
  jvm_options "$module" "$heap"
  extra_classpath_of "$module"
  JAVA_CMD=("$JAVA" "${JVM_OPTIONS[@]}")
  # A development launch compiles with C1 alone. Not part of the archive's key: the archive
  # holds classes and their profiles, which serve either compiler, so --full-jit starts
  # from the same one. The training run keeps both compilers, so that the profiles it
  # records are there for a --full-jit start.
  if [ "$mode" = run ] && ! $full_jit && [[ " ${JVM_OPTIONS[*]} " != *" -XX:TieredStopAtLevel=1 "* ]]; then
    JAVA_CMD+=(-XX:TieredStopAtLevel=1)
  fi
  if [ "$mode" = train ] || { [ -s "$dir/key" ] && [ -s "$dir/$start_archive" ]; }; then
    if [ "$mode" = train ]; then
      if [ "$start_archive" = app.aot ]; then JAVA_CMD+=("-XX:AOTCacheOutput=$dir/app.aot")
      else JAVA_CMD+=("-XX:ArchiveClassesAtExit=$dir/app.jsa"); fi
    elif [ "$start_archive" = app.aot ]; then JAVA_CMD+=("-XX:AOTCache=$dir/app.aot")
    else JAVA_CMD+=("-XX:SharedArchiveFile=$dir/app.jsa"); fi
    main="$(cat "$dir/main-class")"
    JAVA_CMD+=(-cp "$dir/app/app.jar${EXTRA_CLASSPATH:+:$EXTRA_CLASSPATH}" "$main")
  elif [ -n "$EXTRA_CLASSPATH" ]; then
    # The jar itself: its launcher takes more classpath as loader.path (commas, and a
    # directory for its jars).
    local path="${EXTRA_CLASSPATH//\/\*/}"
    JAVA_CMD+=("-Dloader.path=${path//:/,}" -cp "$(jar_of "$module")" org.springframework.boot.loader.launch.PropertiesLauncher)
  else
    JAVA_CMD+=(-jar "$(jar_of "$module")")
  fi
  JAVA_CMD+=("$@")
}

# What the archive of a module is made from, as its key file records it.
fast_start_key() {
  local entry
  jvm_options "$1" "$2"
  extra_classpath_of "$1"
  printf '%s\n' "jar $(wc -c <"$(jar_of "$1")" | tr -d ' ')" "$JAVA_VERSION_LINE" "${JVM_OPTIONS[*]}" "$start_archive" "$TRAINING"
  # Every jar of the extra classpath, as ls shows it (size and time): a changed one is a
  # different classpath to the archive.
  # shellcheck disable=SC2086 # DIR/* is expanded on purpose
  for entry in ${EXTRA_CLASSPATH//:/ }; do ls -lnL "$entry" 2>/dev/null || printf 'missing %s\n' "$entry"; done
}

fast_start_current() {
  local dir
  dir="$(fast_start_dir "$1")"
  [ -s "$dir/key" ] && [ -s "$dir/$start_archive" ] && [ "$(cat "$dir/key")" = "$(fast_start_key "$1" "$2")" ] \
    && [ -z "$(find "$(jar_of "$1")" -newer "$dir/key" -print 2>/dev/null)" ]
}

# The Main-Class of the extracted application jar (manifest lines wrap at 72 characters).
main_class_of() {
  local manifest
  if command -v unzip >/dev/null; then
    manifest="$(unzip -p "$1" META-INF/MANIFEST.MF)"
  else
    manifest="$(cd "$(mktemp -d)" && jar xf "$1" META-INF/MANIFEST.MF && cat META-INF/MANIFEST.MF)"
  fi || return 1
  printf '%s\n' "$manifest" | tr -d '\r' | awk '/^ / { line = line substr($0, 2); next } { if (line ~ /^Main-Class: /) print substr(line, 13); line = $0 } END { if (line ~ /^Main-Class: /) print substr(line, 13) }'
}

# The training runs listen on ports of their own, never on the ones the stack is about to
# use: a browser, or a script waiting for the stack, must not take a training run for the
# shop, which goes away when training ends. Each port the stack uses gets the first free
# port from 1000 above it that is none of the stack's own (TRAINING_PORTS); in_training
# rewrites every address and port option in a training run's arguments and environment
# (":8081" or "=8081" followed by no digit) to its training port.
declare -A TRAINING_PORTS=()
training_ports() {
  local p t entry taken=" $GATEWAY_MANAGEMENT_PORT "
  for entry in "${SERVICES[@]}"; do IFS='|' read -r _ _ p _ _ <<<"$entry"; taken+="$p "; done
  TRAINING_PORTS=()
  for p in $GATEWAY_PORT $GATEWAY_MANAGEMENT_PORT $USER_PORT $CATALOG_PORT $PAYMENT_PORT $STRIPE_EMULATOR_PORT; do
    t=$((p + 1000))
    while [[ "$taken" == *" $t "* ]] || in_use "$t"; do t=$((t + 1)); done
    [ "$t" -le 65535 ] || fail "no free port above $p for a training run"
    taken+="$t "
    TRAINING_PORTS[$p]=$t
  done
}
in_training() {
  local p program=()
  for p in "${!TRAINING_PORTS[@]}"; do program+=(-e "s/([:=])$p([^0-9]|\$)/\\1${TRAINING_PORTS[$p]}\\2/g"); done
  printf '%s' "$1" | sed -E "${program[@]}"
}

# Extracts a module's jar and starts its training run in the background; the caller waits
# and calls fast_start_finish. Several run.sh in one checkout take turns (a lock
# directory holding the owner's pid).
training_pids=()
training_modules=()
fast_start_begin() {
  local name=$1 module=$2 port=$3 heap=$4 args=$5 dir main database i health_at
  dir="$(fast_start_dir "$module")"
  until mkdir "$dir.lock" 2>/dev/null; do
    if ! kill -0 "$(cat "$dir.lock/pid" 2>/dev/null || echo 0)" 2>/dev/null; then rm -rf "$dir.lock"; continue; fi
    sleep 1
  done
  printf '%s\n' "$$" >"$dir.lock/pid"
  if fast_start_current "$module" "$heap"; then rm -rf "$dir.lock"; return 0; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  "$JAVA" -Djarmode=tools -jar "$(jar_of "$module")" extract --destination "$dir/app" --application-filename app.jar \
    >"$dir/training.log" 2>&1 && main="$(main_class_of "$dir/app/app.jar")" && [ -n "$main" ] || {
    say "Could not extract $module's jar for a faster start (see $dir/training.log); it starts from its jar."
    rm -rf "$dir.lock"
    return 0
  }
  printf '%s\n' "$main" >"$dir/main-class"
  for database in users catalog payments; do
    args="${args//@store:$database@/--$TRAINING_STORE.enabled=true --$TRAINING_STORE.data-directory=$dir/training-store}"
  done
  service_environment "$module"
  for i in "${!LAUNCH_ENV[@]}"; do LAUNCH_ENV[$i]="$(in_training "${LAUNCH_ENV[$i]}")"; done
  health_at="${TRAINING_PORTS[$(health_port "$name" "$port")]}"
  port="${TRAINING_PORTS[$port]}"
  # shellcheck disable=SC2086 # the extra arguments are words on purpose
  java_command train "$module" "$heap" --server.port="$port" $(in_training "$args")
  (cd "$dir" && "${LAUNCH_ENV[@]}" "${JAVA_CMD[@]}") >>"$dir/training.log" 2>&1 &
  training_pids+=("$!")
  training_modules+=("$module|$heap|$health_at")
}

fast_start_finish() {
  local module=$1 heap=$2 status=$3 dir
  dir="$(fast_start_dir "$module")"
  rm -rf "$dir/training-store"
  # 143: stopped by the TERM signal, as every training run is once ready.
  if { [ "$status" -eq 0 ] || [ "$status" -eq 143 ]; } && [ -s "$dir/$start_archive" ]; then
    fast_start_key "$module" "$heap" >"$dir/key"
  else
    rm -f "$dir/$start_archive"
    say "$module's training run failed (see $dir/training.log); it starts without a start-up archive."
  fi
  rm -rf "$dir.lock"
}

prepare_fast_start() {
  local entry name module port heap args i status health_at pid path deadline said=false
  local -A seen=()
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name module port heap args <<<"$entry"
    [ -n "${seen[$module]:-}" ] && continue
    seen[$module]=1
    fast_start_current "$module" "$heap" && continue
    $said || { say "Preparing start-up archives (once after each build, in $(fast_start_dir '<module>'))..."; training_ports; }
    said=true
    fast_start_begin "$name" "$module" "$port" "$heap" "$args"
  done
  [ ${#training_pids[@]} -gt 0 ] || return 0
  # Every training run ready, then the requests, twice, then each stopped. One that ends
  # first, or is not ready within STARTUP_TIMEOUT, made no archive worth keeping.
  local -A ready=()
  deadline=$((SECONDS + STARTUP_TIMEOUT))
  for i in "${!training_pids[@]}"; do
    pid="${training_pids[$i]}"
    IFS='|' read -r _ _ health_at <<<"${training_modules[$i]}"
    await_healthy "$health_at" "$pid" "$deadline" 0.5 && ready[$i]=1
  done
  for _ in 1 2; do
    for path in "${TRAINING_REQUESTS[@]}"; do
      curl -fsS -m 10 -o /dev/null "http://127.0.0.1:${TRAINING_PORTS[$GATEWAY_PORT]}$path" 2>/dev/null || true
    done
  done
  kill -TERM "${training_pids[@]}" 2>/dev/null || true
  for i in "${!training_pids[@]}"; do
    status=0
    wait "${training_pids[$i]}" || status=$?
    [ -n "${ready[$i]:-}" ] || status=1
    IFS='|' read -r module heap _ <<<"${training_modules[$i]}"
    fast_start_finish "$module" "$heap" "$status"
  done
  training_pids=()
}
pids=()
names=()
store_pid=""
stopping=false
stop_all() {
  $stopping && return
  stopping=true
  trap - INT TERM
  if [ ${#training_pids[@]} -gt 0 ]; then
    kill -TERM "${training_pids[@]}" 2>/dev/null || true
    for module in "${training_modules[@]}"; do rm -rf "$(fast_start_dir "${module%%|*}").lock"; done
  fi
  if [ ${#pids[@]} -gt 0 ] || [ -n "$store_pid" ]; then
    say ""
    say "Stopping..."
    if [ ${#pids[@]} -gt 0 ]; then
      kill -TERM "${pids[@]}" 2>/dev/null || true
      for _ in $(seq 1 40); do
        alive=false
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
        $alive || break
        sleep 0.5
      done
      kill -KILL "${pids[@]}" 2>/dev/null || true
    fi
    # The stores last: stopping services still finish their requests against them.
    if [ -n "$store_pid" ]; then
      kill -TERM "$store_pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$store_pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$store_pid" 2>/dev/null || true
    fi
    wait 2>/dev/null || true
    say "Stopped."
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

prepare_fast_start

declare -A store_args=([users]="$STORE_ARGS" [catalog]="$STORE_ARGS" [payments]="$STORE_ARGS")
if [ "$INSTANCES" -gt 1 ]; then
  # One store process for every instance (an instance's in-process store would die with
  # it); each database in the file it has with one instance, so data carries over.
  store_addresses="$RUN_DIR/store-addresses"
  rm -f "$store_addresses"
  # Its own process, from user-service's jar (for the logging libraries) and the store's.
  # shellcheck disable=SC2046 # no option, or one
  "$JAVA" -Xmx128m -XX:+UseSerialGC $($full_jit || echo -XX:TieredStopAtLevel=1) \
    -Dloader.main=com.littlethreads.platform.devstore.StandaloneStore \
    "-Dloader.path=$DEV_STORE_LIB" -cp "$(jar_of user-service)" org.springframework.boot.loader.launch.PropertiesLauncher \
    "$DATA_DIR" "$store_addresses" users catalog payments >"$LOG_DIR/store.log" 2>&1 &
  store_pid=$!
  say "Started the stores (pid $store_pid, log $LOG_DIR/store.log)"
  for _ in $(seq 1 120); do
    [ -s "$store_addresses" ] && break
    kill -0 "$store_pid" 2>/dev/null || { tail -n 40 "$LOG_DIR/store.log" >&2; fail "the stores failed to start"; }
    sleep 0.5
  done
  [ -s "$store_addresses" ] || fail "the stores did not start within 60s (see $LOG_DIR/store.log)"
  while IFS='=' read -r database uri; do
    store_args[$database]="--spring.mongodb.uri=$uri"
  done <"$store_addresses"
fi

for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name module port heap args <<<"$entry"
  for database in users catalog payments; do
    args="${args//@store:$database@/${store_args[$database]}}"
  done
  service_environment "$module"
  # shellcheck disable=SC2086 # the extra arguments are words on purpose
  java_command run "$module" "$heap" --server.port="$port" $args
  "${LAUNCH_ENV[@]}" "${JAVA_CMD[@]}" >"$LOG_DIR/$name.log" 2>&1 &
  pids+=("$!")
  names+=("$name")
  say "Started $name (port $port, pid $!, log $LOG_DIR/$name.log)"
done

# The same rules as docker-compose's Prometheus, with the local ports as targets and each
# job named as there, so that the alerts and dashboards' queries work unchanged.
if $with_prometheus; then
  prometheus_dir="$RUN_DIR/prometheus"
  mkdir -p "$prometheus_dir/data"
  # Every instance of a service in its job (INSTANCES), each PORT_STEP above the last.
  target() {
    local list="" k
    for k in $(seq 0 $((INSTANCES - 1))); do list+="\"127.0.0.1:$(($2 + k * PORT_STEP))\", "; done
    printf '  - job_name: %s\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: [%s]\n' "$1" "${list%, }"
  }
  target_gateway() { printf '  - job_name: %s\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' "$1" "$2"; }
  {
    printf 'global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\n'
    printf 'rule_files:\n  - %s/observability/prometheus/rules/*.yml\n' "$ROOT"
    printf 'scrape_configs:\n'
    target user-service "$USER_PORT"
    target catalog-service "$CATALOG_PORT"
    target payment-service "$PAYMENT_PORT"
    target_gateway gateway-service "$GATEWAY_MANAGEMENT_PORT"
  } >"$prometheus_dir/prometheus.yml"
  prometheus --config.file="$prometheus_dir/prometheus.yml" --storage.tsdb.path="$prometheus_dir/data" \
    --storage.tsdb.retention.time=2d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    >"$LOG_DIR/prometheus.log" 2>&1 &
  pids+=("$!")
  names+=("prometheus")
  say "Started prometheus (port $PROMETHEUS_PORT, log $LOG_DIR/prometheus.log)"
fi

deadline=$((SECONDS + STARTUP_TIMEOUT))
for i in "${!SERVICES[@]}"; do
  IFS='|' read -r name _ port _ _ <<<"${SERVICES[$i]}"
  status=0
  await_healthy "$(health_port "$name" "$port")" "${pids[$i]}" "$deadline" 1 || status=$?
  if [ $status -eq 1 ]; then
    say "${names[$i]} failed to start. The end of its log ($LOG_DIR/${names[$i]}.log):" >&2
    tail -n 40 "$LOG_DIR/${names[$i]}.log" >&2
    exit 1
  elif [ $status -eq 2 ]; then
    say "${names[$i]} did not become healthy within ${STARTUP_TIMEOUT}s. The end of its log:" >&2
    tail -n 40 "$LOG_DIR/${names[$i]}.log" >&2
    exit 1
  fi
  say "${names[$i]} is healthy"
done

if $with_prometheus; then
  until curl -fsS -m 2 "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null 2>&1; do
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then
      say "prometheus failed to start. The end of its log ($LOG_DIR/prometheus.log):" >&2
      tail -n 40 "$LOG_DIR/prometheus.log" >&2
      exit 1
    fi
    [ $SECONDS -lt $deadline ] || fail "prometheus did not become ready within ${STARTUP_TIMEOUT}s (see $LOG_DIR/prometheus.log)"
    sleep 1
  done
  say "prometheus is ready"
  prometheus_line="  Prometheus (graph, alert rules):   http://127.0.0.1:$PROMETHEUS_PORT/ (this machine only)"
else
  prometheus_line="  Prometheus: not started (./run.sh --prometheus starts it, when Debian's prometheus is installed)"
fi

if $use_emulator; then
  payments_line="  Payments: the Stripe emulator      http://localhost:$STRIPE_EMULATOR_PORT/ (test card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)"
else
  payments_line="  Payments: Stripe itself (STRIPE_SECRET_KEY); forward webhooks to http://localhost:$GATEWAY_PORT/api/payments/stripe/webhook"
fi

if [ "$INSTANCES" -gt 1 ]; then
  instances_line="
  Instances: $INSTANCES of each service, the gateway spreading requests over them
    user-service $USER_URIS
    catalog-service $CATALOG_URIS
    payment-service $PAYMENT_URIS
    stores (one process, pid $store_pid): $(tr '\n' ' ' <"$store_addresses")
"
else
  instances_line=""
fi

cat <<TXT

Little Threads is running (data in $DATA_DIR, logs in $LOG_DIR).
$instances_line
  Storefront:                        http://localhost:$GATEWAY_PORT/
  API docs, every service (Swagger): http://localhost:$GATEWAY_PORT/swagger-ui.html
  Catalog API, through the gateway:  http://localhost:$GATEWAY_PORT/api/catalog/products
  Categories:                        http://localhost:$GATEWAY_PORT/api/catalog/categories
  User API, through the gateway:     http://localhost:$GATEWAY_PORT/api/auth/login, /api/auth/register, /api/users/me
  Checkout and orders:               http://localhost:$GATEWAY_PORT/api/checkout, /api/orders
$payments_line
  Gateway health and metrics:        http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health, /actuator/prometheus (this machine only)
$prometheus_line
  One service's own Swagger UI:      http://localhost:$CATALOG_PORT/swagger-ui.html (catalog), http://localhost:$USER_PORT/swagger-ui.html (users), http://localhost:$PAYMENT_PORT/swagger-ui.html (payments)

  Admin sign-in: $ADMIN_EMAIL / $admin_password
    $admin_password_note

Press Ctrl-C to stop.
TXT

# Stay up until Ctrl-C. If a process dies on its own, say which; stop the rest unless
# other instances of its service carry on (that is what they are for).
declare -A gone=()
while true; do
  if [ -n "$store_pid" ] && ! kill -0 "$store_pid" 2>/dev/null; then
    say "The stores stopped unexpectedly. The end of their log:" >&2
    tail -n 40 "$LOG_DIR/store.log" >&2
    exit 1
  fi
  for i in "${!pids[@]}"; do
    [ -n "${gone[$i]:-}" ] && continue
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      gone[$i]=1
      IFS='|' read -r _ module _ _ _ <<<"${SERVICES[$i]}"
      others=0
      for j in "${!pids[@]}"; do
        IFS='|' read -r _ other_module _ _ _ <<<"${SERVICES[$j]}"
        [ "$other_module" = "$module" ] && [ -z "${gone[$j]:-}" ] && others=$((others + 1))
      done
      if [ "$others" -gt 0 ]; then
        say "${names[$i]} stopped unexpectedly; $others other instance(s) of $module carry on. Its log: $LOG_DIR/${names[$i]}.log" >&2
        continue
      fi
      say "${names[$i]} stopped unexpectedly. The end of its log:" >&2
      tail -n 40 "$LOG_DIR/${names[$i]}.log" >&2
      exit 1
    fi
  done
  sleep 2
done
