package com.coachway.notification.delivery;

import java.time.Duration;

/**
 * A provider did not accept a message. {@code status} is its HTTP status (0: no answer at all).
 * Retryable: no answer, 408, 429 and 5xx, which may pass; any other 4xx (a rejected address, a
 * bad key) will be refused the same way every time, so the message fails at once.
 */
public final class ProviderException extends Exception {
    private final int status;
    private final Duration retryAfter;

    private ProviderException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The provider answered {@code status}; {@code error} is what it said, {@code retryAfter} its Retry-After (may be null). */
    public static ProviderException answered(String provider, int status, String error, Duration retryAfter) {
        return new ProviderException(provider + " answered " + status + (error == null || error.isBlank() ? "" : ": " + error),
                status, retryAfter, null);
    }

    /** No answer: a connection refused or reset, a timeout. */
    public static ProviderException noAnswer(String provider, Throwable cause) {
        return new ProviderException(provider + " did not answer: " + cause, 0, null, cause);
    }

    public int status() {
        return status;
    }

    /** How long the provider asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
