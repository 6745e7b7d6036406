package com.coachway.finance.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A reporting query kept as a file under {@code sql/finance/} on the classpath, where it reads as
 * SQL and the benchmark runs the very same text in psql. Loaded once, at wiring.
 */
public final class SqlText {
    private SqlText() {
    }

    public static String load(String name) {
        String path = "/sql/finance/" + name;
        try (InputStream in = SqlText.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing report query " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
