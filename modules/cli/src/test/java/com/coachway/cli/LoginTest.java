package com.coachway.cli;

import static com.coachway.cli.CliHarness.ACCESS;
import static com.coachway.cli.CliHarness.EMAIL;
import static com.coachway.cli.CliHarness.PASSWORD;
import static com.coachway.cli.CliHarness.REFRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {
    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir.resolve("config"));
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void login_posts_the_email_and_password_to_auth_service_and_keeps_the_tokens_owner_only() throws IOException {
        var result = cli.login();

        assertEquals("logged in to " + cli.gateway.url() + " as " + EMAIL + " (accountant)\n", result.out());
        var login = cli.gateway.requests("/api/v1/auth/login");
        assertEquals(1, login.size());
        var body = new ObjectMapper().readTree(login.getFirst().body());
        assertEquals(EMAIL, body.get("email").asText());
        assertEquals(PASSWORD, body.get("password").asText());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.credentialsFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configDir)));
        var saved = new ObjectMapper().readTree(cli.credentialsFile().toFile());
        assertEquals(cli.gateway.url(), saved.get("url").asText());
        assertEquals(ACCESS, saved.get("access_token").asText());
        assertEquals(REFRESH, saved.get("refresh_token").asText());
        assertFalse(Files.readString(cli.credentialsFile()).contains(PASSWORD), "the password is not stored");
        assertNeverShown(result, PASSWORD, ACCESS, REFRESH);
        try (var left = Files.list(cli.configDir)) {
            assertEquals(List.of(cli.credentialsFile()), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void a_second_login_replaces_the_first_and_the_file_stays_owner_only() throws IOException {
        cli.login();
        Files.setPosixFilePermissions(cli.credentialsFile(), PosixFilePermissions.fromString("rw-r--r--"));

        cli.login();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.credentialsFile())));
    }

    @Test
    void a_wrong_password_is_refused_with_auth_services_reason_and_nothing_is_saved() {
        String wrong = "not-the-password-77";
        var result = cli.runWithStdin(wrong + "\n", "login", "--url", cli.gateway.url(), "--email", EMAIL,
                "--password-stdin");

        assertEquals(ExitCodes.NOT_LOGGED_IN, result.exitCode());
        assertTrue(result.err().contains("login refused: Unauthorized: invalid email or password"), result.err());
        assertFalse(Files.exists(cli.credentialsFile()));
        assertNeverShown(result, wrong);
    }

    @Test
    void the_password_line_ends_at_its_newline_and_a_windows_line_ending_is_not_part_of_it() {
        var result = cli.runWithStdin(PASSWORD + "\r\nignored second line\n", "login", "--url", cli.gateway.url(),
                "--email", EMAIL, "--password-stdin");

        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void without_a_terminal_or_password_stdin_login_says_how_and_calls_nothing() {
        var result = cli.run("login", "--url", cli.gateway.url(), "--email", EMAIL);

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--password-stdin"), result.err());
        assertEquals(List.of(), cli.gateway.requests());
    }

    @Test
    void an_empty_password_on_stdin_is_refused_before_any_call() {
        var result = cli.runWithStdin("\n", "login", "--url", cli.gateway.url(), "--email", EMAIL, "--password-stdin");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertEquals("coachway: the password is empty\n", result.err());
        assertEquals(List.of(), cli.gateway.requests());
    }

    @Test
    void on_a_terminal_login_asks_for_the_email_and_reads_the_password_through_the_console() {
        var prompts = new ArrayList<String>();
        var console = new Prompter() {
            @Override
            public String readLine(String prompt) {
                prompts.add(prompt);
                return " " + EMAIL + " ";
            }

            @Override
            public char[] readPassword(String prompt) {
                prompts.add(prompt);
                return PASSWORD.toCharArray();
            }
        };

        var result = cli.run(console, "login", "--url", cli.gateway.url());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("Email: ", "Password: "), prompts);
        assertNeverShown(result, PASSWORD, ACCESS, REFRESH);
    }

    @Test
    void an_unreachable_gateway_is_a_clear_message_and_exit_code_4() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        var result = cli.runWithStdin(PASSWORD + "\n", "login", "--url", url, "--email", EMAIL, "--password-stdin");

        assertEquals(ExitCodes.UNREACHABLE, result.exitCode());
        assertTrue(result.err().startsWith("coachway: cannot reach the CoachWay gateway at " + url
                + ": connection refused"), result.err());
        assertNeverShown(result, PASSWORD);
    }

    @Test
    void login_without_url_uses_coachway_url_from_the_environment() {
        var result = cli.runWith(java.util.Map.of("COACHWAY_URL", cli.gateway.url() + "/"), PASSWORD + "\n",
                "login", "--email", EMAIL, "--password-stdin");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("logged in to " + cli.gateway.url() + " as " + EMAIL + " (accountant)\n", result.out());
    }

    @Test
    void logout_ends_the_session_at_auth_service_and_removes_the_saved_login() {
        cli.login();

        var result = cli.run("logout");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("logged out of " + cli.gateway.url() + "\n", result.out());
        assertFalse(Files.exists(cli.credentialsFile()));
        var logout = cli.gateway.requests("/api/v1/auth/logout");
        assertEquals(1, logout.size());
        assertEquals("{\"refresh_token\":\"" + REFRESH + "\"}", logout.getFirst().body());
        assertNeverShown(result, ACCESS, REFRESH);
    }

    @Test
    void logout_removes_the_login_even_when_the_gateway_is_gone_and_says_so() {
        cli.login();
        cli.close();

        var result = cli.run("logout");

        assertEquals(0, result.exitCode());
        assertFalse(Files.exists(cli.credentialsFile()));
        assertTrue(result.err().contains("warning: auth-service did not end the session"), result.err());
    }

    @Test
    void logout_when_not_logged_in_says_so() {
        var result = cli.run("logout");

        assertEquals(0, result.exitCode());
        assertEquals("not logged in\n", result.out());
    }

    static void assertNeverShown(CliHarness.Result result, String... secrets) {
        for (String secret : secrets) {
            assertFalse(result.all().contains(secret), "a secret was printed: " + result.all());
        }
    }

    static int closedPort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
