package com.coachway.client.contacts;

/**
 * The one-primary-contact rule. A client has at most one primary contact; marking one unmarks the
 * previous one. A contact added while the client has no primary becomes it unless the request says
 * otherwise, so a client's first contact is its primary without anyone having to think of it.
 */
public final class PrimaryRule {
    private PrimaryRule() {
    }

    /** Whether a new contact is primary: as requested, or (not said) exactly when the client has none. */
    public static boolean newContactIsPrimary(Boolean requested, boolean clientHasPrimary) {
        return requested != null ? requested : !clientHasPrimary;
    }

    /** Whether a contact is primary after a change: as requested, or (not said) as it was. */
    public static boolean isPrimaryAfter(Boolean requested, boolean wasPrimary) {
        return requested != null ? requested : wasPrimary;
    }

    /** Whether the client's current primary (if any, and not this contact) must be unmarked first. */
    public static boolean mustUnmarkOther(boolean becomesPrimary, boolean wasPrimary, boolean clientHasPrimary) {
        return becomesPrimary && !wasPrimary && clientHasPrimary;
    }
}
