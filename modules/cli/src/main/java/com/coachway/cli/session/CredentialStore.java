package com.coachway.cli.session;

import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.http.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * cli.json in the config directory, readable by its owner only (0600, directory 0700 when we
 * create it). Written to a private temporary file and moved into place, so the tokens are never
 * in a file anyone else can read, not even for a moment, and a crash leaves the old file whole.
 */
public final class CredentialStore {
    public static final String FILE_NAME = "cli.json";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    public CredentialStore(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    public Optional<Credentials> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.NOT_LOGGED_IN, "cannot read " + file() + " (" + e.getMessage()
                    + "): run coachway login");
        }
        try {
            var credentials = Json.MAPPER.readValue(bytes, Credentials.class);
            if (credentials.url() == null || credentials.accessToken() == null) throw new IOException("incomplete");
            return Optional.of(credentials);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.NOT_LOGGED_IN, file() + " is not a CoachWay login: run coachway login");
        }
    }

    public void save(Credentials credentials) {
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                else Files.createDirectories(dir);
            }
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(dir, ".cli-", ".json", attributes);
            try {
                Files.write(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
                move(temporary, file());
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (posix) Files.setPosixFilePermissions(file(), OWNER_FILE);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "cannot save the login in " + file() + ": " + e.getMessage());
        }
    }

    /** @return whether there was a login to remove */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "cannot remove " + file() + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
