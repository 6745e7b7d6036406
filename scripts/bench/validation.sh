#!/usr/bin/env bash
# What checking a request against openapi.yaml costs per request (run-time contract validation,
# issue 6 item 3): our validator (networknt on the compiled contract) and swagger-request-validator
# on GET /charters/{id}, GET /charters?client_id and POST /pricing/calculate. One thread, in-process,
# no HTTP: the figures are the validator's own cost. Usage: scripts/bench/validation.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl modules/common -am test-compile -DskipTests
mvn -B -ntp -q -pl modules/common dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
java -cp "modules/common/target/test-classes:modules/common/target/classes:$(cat modules/common/target/bench.cp)" \
  com.coachway.common.http.contract.ContractValidationBench . "${1:-50000}"
