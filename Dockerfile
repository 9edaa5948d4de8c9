# One image recipe for every Spring Boot module of Little Threads:
#
#   docker build --build-arg MODULE=catalog-service -t littlethreads/catalog-service .
#
# docker-compose.yml builds each service with it. It uses no BuildKit-only syntax (no
# RUN --mount, no heredocs), so the classic builder that docker-compose 1.29 uses by default
# builds it as well as BuildKit does. Instead of a cache mount for ~/.m2, dependencies are
# downloaded in a layer that depends on the POMs only: editing code rebuilds from the
# compile step, editing a POM downloads again.
#
# Build arguments:
#   MODULE         the Maven module to package (required), e.g. user-service
#   EXTRA_MODULES  more modules to build alongside, comma-separated (the gateway's image
#                  builds static-site too)
#   SITE_OUTPUT    a directory the build produced that the image serves as the storefront,
#                  copied to /app/site (the gateway's SITE_DIR); empty for the other services
#   BUILD_IMAGE, RUNTIME_IMAGE  the JDK 17 image that builds and the JRE 17 image that runs

ARG BUILD_IMAGE=eclipse-temurin:17-jdk-noble
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-noble

# --- Only what decides the dependencies: the wrapper and every POM --------------------------
FROM ${BUILD_IMAGE} AS poms
WORKDIR /workspace
COPY . .
RUN find . -type f ! -name pom.xml ! -name mvnw ! -path './.mvn/*' -delete \
 && find . -depth -mindepth 1 -type d -empty -delete

# --- Build ------------------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /workspace
# Cached as long as no POM changes (COPY compares file contents, not timestamps). The same
# for every module, so the first service's build downloads for all of them.
COPY --from=poms /workspace/ ./
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true

COPY . .
ARG MODULE
ARG EXTRA_MODULES=
# Not offline (-o): go-offline leaves out a few plugin dependencies, fetched here.
RUN test -n "$MODULE" || { echo 'Set the build argument MODULE, e.g. --build-arg MODULE=user-service' >&2; exit 1; } \
 && ./mvnw -B -q -pl "$MODULE,platform-dev-store${EXTRA_MODULES:+,$EXTRA_MODULES}" -am package -DskipTests -Dspring-javaformat.skip=true \
 && jar="$(find "$MODULE/target" -maxdepth 1 -name "$MODULE-*.jar" ! -name '*-tests.jar' ! -name '*-sources.jar' | head -n 1)" \
 && test -n "$jar" \
 && java -Djarmode=tools -jar "$jar" extract --layers --destination /out/app --application-filename app.jar \
 && cp -R platform-dev-store/target/dev-store /out/dev-store

ARG SITE_OUTPUT=
RUN mkdir -p /out/site \
 && if [ -n "$SITE_OUTPUT" ]; then \
      test -n "$(ls -A "$SITE_OUTPUT" 2>/dev/null)" \
        || { echo "SITE_OUTPUT: the build left nothing in $SITE_OUTPUT" >&2; exit 1; }; \
      cp -R "$SITE_OUTPUT"/. /out/site/; \
    fi \
 && javac -d /out/healthcheck docker/healthcheck/HealthCheck.java

# --- The start-up archive -----------------------------------------------------------------------
# /app/app.jsa: the classes the service loads while starting, parsed, verified and stored by
# one training run, so that every start maps them instead (docs/benchmarks.md, "Start-up and
# memory"). Made in a stage of its own on the runtime image, with the application copied
# exactly as the final stage copies it: an archive works only with the JVM, the classpath
# and the very jar files (size and time) that made it. Only the archive leaves this stage.
# The training run stops once the context is refreshed (every bean made; no web server, no
# runners, no scheduled work). The services that keep data in MongoDB read and write it
# while their beans are made (indexes, the token key ring), so they get a throwaway
# MongoDB-wire store, the development store that no production image contains, and
# placeholder secrets. A training run that fails fails the build: an image without its
# archive would start, but slowly and unnoticed.
FROM ${RUNTIME_IMAGE} AS train
WORKDIR /app
COPY --from=build /out/app/dependencies/ ./
COPY --from=build /out/app/snapshot-dependencies/ ./
COPY --from=build /out/app/application/ ./
COPY --from=build /out/dev-store/ /opt/dev-store/
ENV SPRING_PROFILES_ACTIVE=docker \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
RUN set -e; \
    store=""; store_pid=""; \
    if ls /app/lib/mongodb-driver-core-*.jar >/dev/null 2>&1; then \
      java -Xshare:off -cp "/opt/dev-store/*:/app/app.jar" com.littlethreads.platform.devstore.StandaloneStore \
        /tmp/training-store /tmp/training-store/addresses training & \
      store_pid=$!; \
      for i in $(seq 1 120); do [ -s /tmp/training-store/addresses ] && break; sleep 0.5; done; \
      store="--spring.mongodb.uri=$(sed -n 's/^training=//p' /tmp/training-store/addresses)"; \
    fi; \
    STRIPE_SECRET_KEY=sk_test_training STRIPE_WEBHOOK_SECRET=whsec_training PAYMENT_CLIENT_SECRET=training \
      java -Xmx512m -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
        --server.port=0 --users.tokens.generate-key-if-missing=true $store; \
    test -s /app/app.jsa; \
    if [ -n "$store_pid" ]; then kill "$store_pid"; wait "$store_pid" || true; fi

# --- Run ----------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}
# A fixed numeric id, so that orchestrators can verify runAsNonRoot.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
ARG MODULE
LABEL org.opencontainers.image.title="Little Threads ${MODULE}" \
      org.opencontainers.image.description="Little Threads ${MODULE}, Spring Boot, profile docker"
WORKDIR /app
# Least to most often changed: a code change replaces only the last layers. The jar
# extracted as Spring Boot's class-data sharing needs it: /app/app.jar, whose manifest
# names its libraries in /app/lib, no launcher (the JVM's own class loader loads every
# class, so the archive below can hold them).
COPY --from=build /out/app/dependencies/ ./
COPY --from=build /out/app/snapshot-dependencies/ ./
COPY --from=build /out/healthcheck/ /opt/healthcheck/
COPY --from=build /out/site/ /app/site/
COPY --from=build /out/app/application/ ./

# Heap as a share of the container's memory limit: half, so a 512 MB limit gives the 256 MB
# heap the services were measured with and leaves the other half for metaspace, code cache,
# thread stacks, Netty's direct buffers and the health probe's short-lived JVM. An
# OutOfMemoryError ends the process, so the restart policy replaces it instead of leaving a
# half-working JVM. Logs are JSON, one object a line (Elastic Common Schema) with the
# trace, span and request ids, for whatever collects the container's output: Spring Boot's
# ecs format, written by platform-core's EcsLogFormatter (the same document, without the
# allocation per character of Boot's own encoder; the class says more).
ENV SPRING_PROFILES_ACTIVE=docker \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=com.littlethreads.platform.core.logging.EcsLogFormatter \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
# The archive the train stage made for exactly these files (see above).
COPY --from=train /app/app.jsa /app/app.jsa
USER 10001:10001
# Health: docker-compose.yml runs `java -Xmx16m ... -cp /opt/healthcheck HealthCheck`, which
# asks http://127.0.0.1:$PORT/actuator/health/readiness (see docker/healthcheck).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
