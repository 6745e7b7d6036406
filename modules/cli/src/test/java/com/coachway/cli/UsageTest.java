package com.coachway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTest {
    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void every_commands_help_lists_the_exit_codes() {
        for (var command : List.of(new String[] {"--help"}, new String[] {"login", "--help"},
                new String[] {"logout", "--help"}, new String[] {"finance", "--help"},
                new String[] {"finance", "aging", "--help"}, new String[] {"finance", "trial-balance", "--help"})) {
            var result = cli.run(command);

            assertEquals(0, result.exitCode(), String.join(" ", command));
            assertTrue(result.out().contains("Exit codes:"), result.out());
            for (var code : ExitCodes.descriptions().entrySet()) {
                assertTrue(result.out().contains(code.getKey() + "   " + code.getValue()), result.out());
            }
        }
    }

    @Test
    void no_command_or_an_unknown_one_is_a_usage_error_with_a_pointer_to_help() {
        var none = cli.run();
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertEquals("coachway: Missing required subcommand\nTry 'coachway --help'.\n", none.err());

        var typo = cli.run("finance", "agin");
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean: finance aging?"), typo.err());
        assertTrue(typo.err().endsWith("Try 'coachway finance --help'.\n"), typo.err());
    }

    @Test
    void a_url_that_is_not_http_is_refused_as_usage() {
        var result = cli.run("finance", "aging", "--as-of", "2026-12-31", "--url", "ftp://example.com");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("is not an http(s) URL"), result.err());
    }

    @Test
    void a_malformed_coachway_url_is_named_in_the_message() {
        cli.login();

        var result = cli.runWith(java.util.Map.of("COACHWAY_URL", "localhost:8080"), "",
                "finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().startsWith("coachway: COACHWAY_URL: 'localhost:8080' is not an http(s) URL"), result.err());
    }
}
