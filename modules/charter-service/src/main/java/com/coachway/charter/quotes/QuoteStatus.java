package com.coachway.charter.quotes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * draft → sent → accepted | rejected; draft or sent → superseded (a newer version, or another one
 * accepted) or expired (past valid_until). Only draft and sent are open: the others are final.
 */
public enum QuoteStatus {
    DRAFT, SENT, ACCEPTED, REJECTED, SUPERSEDED, EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuoteStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown quote status " + code));
    }

    public static Optional<QuoteStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    public boolean isOpen() {
        return this == DRAFT || this == SENT;
    }
}
