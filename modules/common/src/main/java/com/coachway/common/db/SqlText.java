package com.coachway.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A query kept as a file on the classpath under {@code sql/<schema>/}, where it reads as SQL and a
 * benchmark can run the very same text in psql. Load once, at wiring: a missing file stops the
 * service from starting instead of failing its first request.
 */
public final class SqlText {
    private SqlText() {
    }

    /** {@code /sql/<schema>/<name>}: the schema in the path keeps services' files apart on the stack's shared classpath. */
    public static String load(String schema, String name) {
        String path = "/sql/" + schema + "/" + name;
        try (InputStream in = SqlText.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing query " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
