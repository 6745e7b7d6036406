package com.coachway.sales.preferences;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as preferences key them, and the unsubscribe tokens that go with them. */
public final class Addresses {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Addresses() {
    }

    /** Compared lower-cased everywhere: Ann@X.com and ann@x.com are one person's inbox. */
    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isAddress(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    /** 256 random bits, base64url without padding: unguessable, and safe in a link. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
