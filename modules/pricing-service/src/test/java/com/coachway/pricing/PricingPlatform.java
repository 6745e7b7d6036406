package com.coachway.pricing;

import com.coachway.testkit.Together;

import com.coachway.auth.AuthService;
import com.coachway.testkit.Platform;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service and pricing-service on one fresh database behind the gateway. auth-service also
 * knows a "charter-service" client, so tests can call as a service the way charter-service does.
 */
final class PricingPlatform implements AutoCloseable {
    static final String ROUTE = "/api/v1/pricing";
    static final String SERVICE_ID = "charter-service";
    static final String SERVICE_SECRET = "charter-test-secret-0123456789";
    /** Money as exact decimals: 990.00 reads as BigDecimal 990.00, not 990.0f. */
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    final Platform platform;
    private String serviceToken;

    PricingPlatform() {
        this(Map.of());
    }

    PricingPlatform(Map<String, String> pricingEnv) {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start, Map.of("SERVICE_CLIENTS", SERVICE_ID + ":" + SERVICE_SECRET))
                .service("pricing-service", ROUTE, PricingService::start, pricingEnv)
                .start();
    }

    /** A request checked against openapi.yaml both ways. */
    RequestSpecification api(String token) {
        return platform.api(ROUTE).config(EXACT).auth().oauth2(token);
    }

    /** A request that may break the contract on purpose; the response is still checked. */
    RequestSpecification raw(String token) {
        return platform.raw(ROUTE).config(EXACT).auth().oauth2(token);
    }

    RequestSpecification anonymous() {
        return platform.raw(ROUTE).config(EXACT);
    }

    String admin() {
        return platform.adminToken();
    }

    String manager() {
        return platform.token("manager");
    }

    String agent() {
        return platform.token("sales_agent");
    }

    /** A token of the service role, obtained the way charter-service obtains it. */
    synchronized String service() {
        if (serviceToken == null) serviceToken = platform.clientCredentialsToken(SERVICE_ID, SERVICE_SECRET);
        return serviceToken;
    }

    long count(String table) {
        return platform.count(table);
    }

    static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    /** Runs {@code n} calls at once and answers their status codes, sorted. */
    static List<Integer> concurrently(int n, IntFunction<Integer> call) throws Exception {
        return Together.run(n, call).stream().sorted().toList();
    }

    @Override
    public void close() {
        platform.close();
    }
}
