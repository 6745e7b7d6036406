package com.coachway.notification.notifications;


/** queued (waiting, or being sent) → sent | failed; a failed message goes back to queued by a retry. */
public final class NotificationStatus {
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    private NotificationStatus() {
    }

    /** Why a message in {@code status} cannot be sent again by hand, if it cannot. */
    public static java.util.Optional<String> refusalToRetry(String status) {
        if (FAILED.equals(status)) return java.util.Optional.empty();
        return java.util.Optional.of("The notification is " + status + "; only a failed one can be retried");
    }
}
