# syntax=docker/dockerfile:1
# StrikeSwarm's node image: the shaded runtime/target/swarm.jar on a Java 17 JRE, as a non-root user.
#   docker build -t strikeswarm:dev .
#   docker run --rm -p 8080:8080 strikeswarm:dev run --host 0.0.0.0
# On Kubernetes: k8s/ (docs/operations.md). k8s/src/test checks this file against the build and the CLI.

# --- build: the reactor's modules, tests skipped (CI runs them), the shaded jar of runtime/ ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Maven reads every module of the root pom, so each module directory is needed even where -pl skips its build.
COPY pom.xml ./
COPY persistence persistence
COPY bots bots
COPY cex cex
COPY dex dex
COPY master master
COPY http http
COPY runtime runtime
COPY k8s k8s
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl runtime -am package

# --- runtime: a JRE and the jar ---
FROM eclipse-temurin:17-jre
# Kamon attaches its agent to the running JVM (docs/metrics.md): that needs the jdk.attach module in this JRE.
RUN java --list-modules | grep -q '^jdk.attach@' \
    || (echo "this JRE lacks jdk.attach, which Kamon's agent needs to attach itself" >&2 && exit 1)
RUN groupadd --system --gid 10001 swarm \
    && useradd --system --uid 10001 --gid swarm --home-dir /var/lib/strikeswarm --create-home swarm
WORKDIR /app
COPY --from=build /src/runtime/target/swarm.jar /app/swarm.jar
USER 10001
ENV SWARM_DATA_DIR=/var/lib/strikeswarm \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# http (API, dashboard), Pekko Management, Artery remoting, Prometheus (Kamon)
EXPOSE 8080 8558 25520 9095
ENTRYPOINT ["java", "-jar", "/app/swarm.jar"]
CMD ["run"]
