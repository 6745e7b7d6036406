package com.coachway.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a resource from the jar (or classes folder) that holds a given class. Every service ships
 * an openapi.yaml at its root; in the local stack they share one classpath, where a plain
 * getResource("openapi.yaml") would return whichever jar comes first.
 */
final class OwnResource {
    private OwnResource() {
    }

    static byte[] read(Class<?> anchor, String name) throws IOException {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path file = location.resolve(name);
                return Files.exists(file) ? Files.readAllBytes(file) : null;
            }
            URI jar = URI.create("jar:" + location.toUri());
            try (var fs = FileSystems.newFileSystem(jar, Map.of())) {
                Path file = fs.getPath(name);
                return Files.exists(file) ? Files.readAllBytes(file) : null;
            }
        } catch (java.net.URISyntaxException | java.nio.file.FileSystemAlreadyExistsException e) {
            try (InputStream in = anchor.getResourceAsStream("/" + name)) {
                return in == null ? null : in.readAllBytes();
            }
        }
    }
}
