# syntax=docker/dockerfile:1
# One image per service, all built from the whole repository (the services share the common module):
#   docker build --build-arg SERVICE=api-gateway --build-arg PORT=3000 -t wafleet/api-gateway .
#   docker build --build-arg SERVICE=session-worker -t wafleet/session-worker .
#   docker build --build-arg SERVICE=webhook-worker -t wafleet/webhook-worker .
# The build stage does not depend on SERVICE, so BuildKit runs it once for the three images
# (docker compose build does this). Tests are not run here: ./mvnw verify is CI's job.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY common/ common/
COPY api-gateway/ api-gateway/
COPY session-worker/ session-worker/
COPY webhook-worker/ webhook-worker/
# Each module's package phase leaves its executable jar at <module>/target/<module>.jar.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Dmaven.test.skip=true package -pl api-gateway,session-worker,webhook-worker -am

FROM eclipse-temurin:21-jre
# api-gateway, session-worker or webhook-worker
ARG SERVICE
# the HTTP port: the gateway's API (3000), a worker's actuator (8080)
ARG PORT=8080
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=api-gateway|session-worker|webhook-worker" >&2; exit 1; } \
 && groupadd --system --gid 10001 wafleet \
 && useradd --system --uid 10001 --gid wafleet --no-create-home --home-dir /app --shell /usr/sbin/nologin wafleet
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
COPY --chmod=0755 infra/docker/healthcheck.sh /usr/local/bin/wafleet-healthcheck
# The production profile binds 0.0.0.0 and requires WAFLEET_MASTER_KEY (and the gateway
# WAFLEET_ADMIN_KEY), KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI, given at run time, never baked in.
ENV SPRING_PROFILES_ACTIVE=production \
    PORT=${PORT} \
    WAFLEET_DATA_DIR=/tmp/wafleet \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# numeric, so that Kubernetes' runAsNonRoot can check it
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["wafleet-healthcheck"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
