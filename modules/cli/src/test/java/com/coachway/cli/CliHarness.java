package com.coachway.cli;

import com.coachway.cli.FakeGateway.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CLI run in-process (Cli.run with captured streams) against a FakeGateway that speaks
 * auth-service's session endpoints and finance-service's reports, shaped as issue 9 says.
 */
final class CliHarness implements AutoCloseable {
    static final String EMAIL = "accounts@example.com";
    static final String PASSWORD = "Correct-Horse-Battery-42";
    static final String ACCESS = "eyJhbGciOiJSUzI1NiJ9.first-access-token.sig";
    static final String REFRESH = "first-refresh-token-0123456789";
    static final String ACCESS_2 = "eyJhbGciOiJSUzI1NiJ9.rotated-access-token.sig";
    static final String REFRESH_2 = "rotated-refresh-token-9876543210";
    static final String AR_AGING = "/api/v1/finance/reports/ar-aging";
    static final String AP_AGING = "/api/v1/finance/reports/ap-aging";
    static final String TRIAL_BALANCE = "/api/v1/finance/ledger/trial-balance";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final FakeGateway gateway = new FakeGateway();
    final Path configDir;
    /** Access tokens the fake finance-service accepts; a test empties it to expire the session. */
    final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    volatile String liveRefreshToken = REFRESH;

    CliHarness(Path configDir) {
        this.configDir = configDir;
        validTokens.add(ACCESS);
        gateway.on("POST", "/api/v1/auth/login", this::login)
                .on("POST", "/api/v1/auth/refresh", this::refresh)
                .on("POST", "/api/v1/auth/logout", request -> new Reply(204, "text/plain", new byte[0]));
        report(AR_AGING, "ar-aging");
        report(AP_AGING, "ap-aging");
        report(TRIAL_BALANCE, "trial-balance");
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        return runWith(Map.of(), stdin, args);
    }

    /** With more environment variables than the config dir (COACHWAY_URL, say). */
    Result runWith(Map<String, String> moreEnv, String stdin, String... args) {
        var env = new java.util.HashMap<>(env());
        env.putAll(moreEnv);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result run(Prompter console, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env(), console);
        int code = Cli.run(ctx, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Map<String, String> env() {
        return Map.of("COACHWAY_CONFIG_DIR", configDir.toString(), "HOME", configDir.resolve("home").toString());
    }

    Result login() {
        var result = runWithStdin(PASSWORD + "\n", "login", "--url", gateway.url(), "--email", EMAIL, "--password-stdin");
        if (result.exitCode() != 0) throw new AssertionError("login failed: " + result);
        return result;
    }

    Path credentialsFile() {
        return configDir.resolve("cli.json");
    }

    static String resource(String name) {
        try (var in = CliHarness.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply problem(int status, String title, String detail) {
        return Reply.json(status, JSON.createObjectNode().put("type", "about:blank").put("title", title)
                .put("status", status).put("detail", detail).put("request_id", "req-" + status).toString());
    }

    private void report(String path, String name) {
        gateway.on("GET", path, request -> {
            if (request.authorization() == null || !validTokens.contains(request.authorization().replaceFirst("^Bearer ", ""))) {
                return problem(401, "Unauthorized", "missing, invalid or expired access token");
            }
            if (request.query() != null && request.query().contains("format=csv")) {
                return Reply.of(200, "text/csv; charset=utf-8", resource(name + ".csv"));
            }
            return Reply.json(200, resource(name + ".json"));
        });
    }

    private Reply login(FakeGateway.Request request) {
        try {
            var body = JSON.readTree(request.body());
            if (!EMAIL.equals(body.path("email").asText()) || !PASSWORD.equals(body.path("password").asText())) {
                return problem(401, "Unauthorized", "invalid email or password");
            }
        } catch (IOException e) {
            return problem(400, "Bad Request", "malformed JSON");
        }
        return Reply.json(200, pair(ACCESS, REFRESH));
    }

    private Reply refresh(FakeGateway.Request request) {
        try {
            if (!liveRefreshToken.equals(JSON.readTree(request.body()).path("refresh_token").asText())) {
                return problem(401, "Unauthorized", "refresh token revoked");
            }
        } catch (IOException e) {
            return problem(400, "Bad Request", "malformed JSON");
        }
        liveRefreshToken = REFRESH_2;
        validTokens.add(ACCESS_2);
        return Reply.json(200, pair(ACCESS_2, REFRESH_2));
    }

    private static String pair(String access, String refresh) {
        var pair = JSON.createObjectNode().put("access_token", access).put("refresh_token", refresh)
                .put("token_type", "bearer").put("expires_in", 900);
        pair.putObject("user").put("id", "5d1c7a80-0000-4000-8000-000000000001").put("email", EMAIL)
                .put("full_name", "Avery Accountant").putArray("roles").add("accountant");
        return pair.toString();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
