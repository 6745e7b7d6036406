package com.coachway.auth.keys;

import com.coachway.common.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeyTest {
    @Test
    void a_pem_from_the_environment_gives_the_same_key_and_kid_every_time() {
        String pem = SigningKey.toPem(SigningKey.generate());
        var a = SigningKey.fromConfig(Config.of(Map.of("JWT_PRIVATE_KEY", pem)));
        var b = SigningKey.fromConfig(Config.of(Map.of("JWT_PRIVATE_KEY", pem.replace("\n", "\\n"))));
        assertEquals(a.kid(), b.kid());
        assertEquals(a.jwk(), b.jwk());
        assertEquals(43, a.kid().length()); // base64url SHA-256
    }

    @Test
    void the_key_file_is_created_once_then_reused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/jwt.pem");
        var first = SigningKey.fromConfig(Config.of(Map.of("JWT_KEY_FILE", file.toString())));
        assertTrue(Files.exists(file));
        var second = SigningKey.fromConfig(Config.of(Map.of("JWT_KEY_FILE", file.toString())));
        assertEquals(first.kid(), second.kid());
        assertNotEquals(first.kid(), SigningKey.fromConfig(Config.of(Map.of())).kid());
    }

    @Test
    void a_bad_pem_fails_fast_naming_the_variable() {
        var e = assertThrows(Config.ConfigException.class,
                () -> SigningKey.fromConfig(Config.of(Map.of("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----"))));
        assertTrue(e.getMessage().contains("JWT_PRIVATE_KEY"));
        var pkcs1 = assertThrows(Config.ConfigException.class,
                () -> SigningKey.fromConfig(Config.of(Map.of("JWT_PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))));
        assertTrue(pkcs1.getMessage().contains("openssl pkcs8"));
    }
}
