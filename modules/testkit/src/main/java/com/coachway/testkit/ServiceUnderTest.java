package com.coachway.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.gateway.Gateway;
import com.coachway.gateway.KongConfig;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A service started for a test class the way production runs it: its own fresh database, a
 * real HTTP port, and in front of it the gateway serving the real kong/kong.yml. Tests talk
 * only to the gateway, and every request and response is checked against the service's
 * openapi.yaml.
 */
public final class ServiceUnderTest implements AutoCloseable {
    private final RunningService service;
    private final Gateway gateway;
    private final String route;
    private final String databaseUrl;
    private final OpenApiValidationFilter openApi;
    private final OpenApiValidationFilter responsesOnly;

    private ServiceUnderTest(RunningService service, Gateway gateway, String route, String databaseUrl, Path openApiFile) {
        this.service = service;
        this.gateway = gateway;
        this.route = route;
        this.databaseUrl = databaseUrl;
        this.openApi = new OpenApiValidationFilter(openApiFile.toUri().toString());
        this.responsesOnly = new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForSpecificationUrl(openApiFile.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /**
     * @param host    the service's host in kong.yml, e.g. "auth-service"
     * @param route   its public route, e.g. "/api/v1/auth"
     * @param env     extra configuration for the service
     * @param starter starts the service from a Config (PORT=0, DATABASE_URL set)
     */
    public static ServiceUnderTest start(String host, String route, Map<String, String> env,
                                         Function<Config, RunningService> starter) {
        String dbUrl = TestPostgres.newDatabaseUrl();
        var vars = new HashMap<String, String>();
        vars.put("DATABASE_URL", dbUrl);
        vars.put("DB_POOL_SIZE", "8");
        vars.put("PORT", "0");
        vars.putAll(env);
        RunningService service = starter.apply(Config.of(vars));
        Gateway gateway = Gateway.start(KongConfig.load(RepoFiles.kongConfig()),
                Map.of(host, URI.create("http://127.0.0.1:" + service.port())), 0);
        Path spec = Path.of("src/main/resources/openapi.yaml").toAbsolutePath();
        if (!Files.exists(spec)) throw new IllegalStateException("no openapi.yaml at " + spec);
        return new ServiceUnderTest(service, gateway, route, dbUrl, spec);
    }

    /** A request through the gateway, validated against the service's openapi.yaml. */
    public RequestSpecification api() {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri("http://127.0.0.1:" + gateway.port())
                .setBasePath(route)
                .addFilter(openApi)
                .build());
    }

    /**
     * A request through the gateway whose request may break the contract on purpose (malformed
     * input); the response is still checked against openapi.yaml.
     */
    public RequestSpecification raw() {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri("http://127.0.0.1:" + gateway.port())
                .setBasePath(route)
                .addFilter(responsesOnly)
                .build());
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port() + route;
    }

    /** For tests that must look at rows directly (e.g. "nothing was written"). */
    public String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public void close() {
        gateway.close();
        service.close();
    }
}
