# syntax=docker/dockerfile:1
# One image recipe for every service: docker build --build-arg MODULE=auth-service .
# (The gateway is not built here: production runs real Kong on kong/kong.yml.)

FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
RUN test -n "${MODULE}" || (echo "set --build-arg MODULE=<module directory under modules/>" >&2; exit 1)
# jOOQ codegen runs an embedded PostgreSQL, and PostgreSQL refuses to run as root.
RUN useradd --create-home --uid 10001 builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder:builder . .
RUN --mount=type=cache,target=/home/builder/.m2,uid=10001,gid=10001 \
    mvn -B -ntp -pl modules/${MODULE} -am package -DskipTests

FROM eclipse-temurin:25-jre
ARG MODULE
RUN useradd --no-create-home --uid 10001 --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build --chown=root:root /home/builder/src/modules/${MODULE}/target/${MODULE}.jar /app/app.jar
COPY --from=build --chown=root:root /home/builder/src/modules/${MODULE}/target/lib/ /app/lib/
USER app
ENV PORT=8000
EXPOSE 8000
# The JRE image has no curl or wget: bash's /dev/tcp is enough to ask /health for a 200.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
