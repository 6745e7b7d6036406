package com.coachway.auth.keys;

import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.coachway.common.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RS256 key that signs every token. From JWT_PRIVATE_KEY (PKCS#8 PEM) when set; else from
 * JWT_KEY_FILE, generated there on first start (the local stack keeps it in .coachway/); else a
 * key generated for this process only (tests), with a warning. The kid is the RFC 7638 thumbprint.
 */
public final class SigningKey implements RSAKeyProvider {
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String kid;

    private SigningKey(RSAPrivateCrtKey privateKey) {
        try {
            this.privateKey = privateKey;
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.kid = thumbprint(publicKey);
    }

    public static SigningKey fromConfig(Config config) {
        var pem = config.optional("JWT_PRIVATE_KEY");
        if (pem.isPresent()) return new SigningKey(parsePem(pem.get(), "JWT_PRIVATE_KEY"));
        var file = config.optional("JWT_KEY_FILE");
        if (file.isPresent()) return fromFile(Path.of(file.get()));
        log.warn("Neither JWT_PRIVATE_KEY nor JWT_KEY_FILE is set: signing with a key that lives only in this process;"
                + " tokens will not survive a restart and replicas will not accept each other's tokens");
        return new SigningKey(generate());
    }

    static SigningKey fromFile(Path file) {
        try {
            if (Files.exists(file)) return new SigningKey(parsePem(Files.readString(file), "JWT_KEY_FILE " + file));
            RSAPrivateCrtKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, toPem(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; nothing better to do
            }
            log.info("Generated a new token signing key in {}", file);
            return new SigningKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key file " + file, e);
        }
    }

    public static RSAPrivateCrtKey generate() {
        try {
            var gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return (RSAPrivateCrtKey) gen.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPrivateCrtKey parsePem(String pem, String source) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new Config.ConfigException(source, "holds a PKCS#1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replace("\\n", "").replaceAll("\\s", "");
        try {
            var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new Config.ConfigException(source, "is not an RSA private key in PKCS#8 PEM form (BEGIN PRIVATE KEY)");
        }
    }

    public static String toPem(RSAPrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    static String thumbprint(RSAPublicKey key) {
        String json = "{\"e\":\"" + b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\"" + b64(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** This key as a JWK for the JWKS document. */
    public Map<String, Object> jwk() {
        var jwk = new LinkedHashMap<String, Object>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64(publicKey.getModulus()));
        jwk.put("e", b64(publicKey.getPublicExponent()));
        return jwk;
    }

    public String kid() {
        return kid;
    }

    @Override
    public RSAPublicKey getPublicKeyById(String keyId) {
        return kid.equals(keyId) ? publicKey : null;
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public String getPrivateKeyId() {
        return kid;
    }
}
