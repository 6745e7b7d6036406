package com.coachway.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (kong/kong.yml, docker-compose.yml), found from any module's directory. */
public final class RepoFiles {
    private RepoFiles() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("kong/kong.yml")) && Files.exists(dir.resolve("pom.xml"))) return dir;
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the CoachWay repository: no kong/kong.yml above " + Path.of("").toAbsolutePath());
    }

    public static Path kongConfig() {
        return root().resolve("kong/kong.yml");
    }
}
