package com.coachway.auth.passwords;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/**
 * bcrypt (at.favre.lib) with the cost from BCRYPT_COST. Passwords longer than bcrypt's 72 bytes
 * are pre-hashed with SHA-512 rather than silently truncated.
 */
public final class Passwords {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final int cost;
    /** Checked against when the email is unknown, so that case costs the same time as a wrong password. */
    private final String decoy;

    public Passwords(int cost) {
        this.cost = cost;
        this.decoy = hash("decoy password that matches nothing");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return verifyer.verify(password.toCharArray(), hash).verified;
    }

    /** Spend the same time as a real check, then fail. */
    public boolean matchesNothing(String password) {
        verifyer.verify(password.toCharArray(), decoy);
        return false;
    }
}
