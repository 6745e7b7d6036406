package com.coachway.common.http.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.coachway.common.http.JsonInput;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What checking a request against the contract costs, per request, on one thread: our validator
 * (networknt on the compiled contract) against swagger-request-validator, on the shapes
 * scripts/bench/booking.sh times. Not a test: run it with scripts/bench/validation.sh.
 */
public final class ContractValidationBench {
    private static final String ID = "0194f3c2-6b1e-7a3d-8c4f-5e6a7b8c9d0e";
    private static final String CLIENT = "00000000-0000-4000-8000-00000000beef";
    private static final String CALC = "{\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":2}],\"start_at\":\"2027-03-01T08:00:00-05:00\","
            + "\"end_at\":\"2027-03-03T18:00:00-05:00\",\"miles\":640,\"amenities\":[\"wifi\",\"restroom\"]}";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        byte[] charterYaml = Files.readAllBytes(root.resolve("modules/charter-service/src/main/resources/openapi.yaml"));
        byte[] pricingYaml = Files.readAllBytes(root.resolve("modules/pricing-service/src/main/resources/openapi.yaml"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;

        Contract charter = Contract.parse(charterYaml);
        Contract pricing = Contract.parse(pricingYaml);
        Operation getCharter = charter.operation("GET", "/charters/{id}").orElseThrow();
        Operation listCharters = charter.operation("GET", "/charters").orElseThrow();
        Operation calculate = pricing.operation("POST", "/calculate").orElseThrow();
        Map<String, String> none = Map.of();
        byte[] calcBytes = CALC.getBytes(StandardCharsets.UTF_8);

        System.out.println("| case | validator | p50 µs | p90 µs | p99 µs | mean µs |");
        System.out.println("|---|---|---|---|---|---|");
        time("GET /charters/{id}", "networknt (ours)", n, () ->
                getCharter.checkParameters(Operation.values(Map.of("id", ID)::get, none::get, h -> null)).isEmpty());
        time("GET /charters?client_id", "networknt (ours)", n, () ->
                listCharters.checkParameters(Operation.values(none::get, Map.of("client_id", CLIENT)::get, h -> null)).isEmpty());
        time("POST /calculate (parse + check)", "networknt (ours)", n, () -> {
            ObjectNode body = JsonInput.parseObject(calcBytes);
            return calculate.checkParameters(Operation.values(none::get, none::get, h -> null)).isEmpty() && calculate.checkBody(body).isEmpty();
        });
        time("POST /calculate (parse only)", "-", n, () -> JsonInput.parseObject(calcBytes).size() > 0);

        var charterSrv = OpenApiInteractionValidator.createForInlineApiSpecification(new String(charterYaml, StandardCharsets.UTF_8)).build();
        var pricingSrv = OpenApiInteractionValidator.createForInlineApiSpecification(new String(pricingYaml, StandardCharsets.UTF_8)).build();
        Request get = SimpleRequest.Builder.get("/charters/" + ID).withAuthorization("Bearer x").build();
        Request list = SimpleRequest.Builder.get("/charters").withQueryParam("client_id", CLIENT).withAuthorization("Bearer x").build();
        time("GET /charters/{id}", "swagger-request-validator", n, () -> !charterSrv.validateRequest(get).hasErrors());
        time("GET /charters?client_id", "swagger-request-validator", n, () -> !charterSrv.validateRequest(list).hasErrors());
        time("POST /calculate (parse + check)", "swagger-request-validator", n, () -> !pricingSrv.validateRequest(
                SimpleRequest.Builder.post("/calculate").withContentType("application/json").withAuthorization("Bearer x")
                        .withBody(CALC).build()).hasErrors());
    }

    private static void time(String label, String validator, int n, BooleanSupplier request) {
        for (int i = 0; i < n; i++) {
            if (!request.getAsBoolean()) throw new IllegalStateException(label + " with " + validator + " found errors in a valid request");
        }
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            request.getAsBoolean();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        double mean = Arrays.stream(ns).average().orElse(0) / 1000.0;
        System.out.printf("| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", label, validator,
                ns[n / 2] / 1000.0, ns[n * 9 / 10] / 1000.0, ns[n * 99 / 100] / 1000.0, mean);
    }
}
