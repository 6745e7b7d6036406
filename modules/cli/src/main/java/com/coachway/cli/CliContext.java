package com.coachway.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command may touch of its surroundings, passed in rather than read from statics so
 * a test (or the lead's end-to-end test) runs commands in-process with its own streams and env.
 */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Prompter prompter) {
    public static final String CONFIG_DIR_VARIABLE = "COACHWAY_CONFIG_DIR";
    public static final String URL_VARIABLE = "COACHWAY_URL";

    public CliContext {
        env = Map.copyOf(env);
    }

    public Optional<Prompter> console() {
        return Optional.ofNullable(prompter);
    }

    /** $COACHWAY_CONFIG_DIR, else ~/.coachway ($HOME from the env given, else user.home). */
    public Path configDir() {
        String dir = env.get(CONFIG_DIR_VARIABLE);
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".coachway");
    }
}
