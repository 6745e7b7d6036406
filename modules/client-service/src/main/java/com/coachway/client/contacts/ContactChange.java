package com.coachway.client.contacts;

/**
 * A PATCH of a contact as read from the request. A null name or is_primary was absent and keeps
 * its value; email, phone and title may also be cleared by an explicit null, so for them the
 * request says whether they were given at all.
 */
public record ContactChange(String name, boolean emailGiven, String email, boolean phoneGiven, String phone,
                            boolean titleGiven, String title, Boolean primary) {

    /** The contact's data after this change. */
    ContactStore.Data applyTo(Contact before) {
        return new ContactStore.Data(
                name != null ? name : before.name(),
                emailGiven ? email : before.email(),
                phoneGiven ? phone : before.phone(),
                titleGiven ? title : before.title());
    }
}
