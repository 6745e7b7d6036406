package com.coachway.testkit;

import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import io.restassured.specification.RequestSpecification;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * One service for a test class, as a {@link Platform} of one: its own fresh database, a real
 * port, the gateway on the real kong.yml in front, every exchange checked against its openapi.yaml.
 */
public final class ServiceUnderTest implements AutoCloseable {
    private final Platform platform;
    private final String route;

    private ServiceUnderTest(Platform platform, String route) {
        this.platform = platform;
        this.route = route;
    }

    /**
     * @param host    the service's host in kong.yml, e.g. "auth-service"
     * @param route   its public route, e.g. "/api/v1/auth"
     * @param env     extra configuration for the service (wins over the platform's defaults)
     * @param starter starts the service from a Config
     */
    public static ServiceUnderTest start(String host, String route, Map<String, String> env,
                                         Function<Config, RunningService> starter) {
        return start(host, route, env, starter, Clock.systemUTC());
    }

    /** As {@link #start(String, String, Map, Function)}, with the gateway's rate limits counting on {@code gatewayClock}. */
    public static ServiceUnderTest start(String host, String route, Map<String, String> env,
                                         Function<Config, RunningService> starter, Clock gatewayClock) {
        return new ServiceUnderTest(Platform.builder().service(host, route, starter, env).gatewayClock(gatewayClock).start(), route);
    }

    /** A request through the gateway, validated against the service's openapi.yaml. */
    public RequestSpecification api() {
        return platform.api(route);
    }

    /** A request that may break the contract on purpose; the response is still checked. */
    public RequestSpecification raw() {
        return platform.raw(route);
    }

    public String gatewayUrl() {
        return platform.gatewayUrl() + route;
    }

    /** For tests that must look at rows directly (e.g. "nothing was written"). */
    public String databaseUrl() {
        return platform.databaseUrl();
    }

    @Override
    public void close() {
        platform.close();
    }
}
