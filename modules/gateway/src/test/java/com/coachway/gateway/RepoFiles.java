package com.coachway.gateway;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the repository root, found from wherever the tests run (the module directory under Maven). */
final class RepoFiles {
    private RepoFiles() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("kong/kong.yml")) && Files.isDirectory(dir.resolve("modules"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with kong/kong.yml) above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }
}
