package com.coachway.auth.users;

import java.util.List;
import java.util.UUID;

/** A user as POST /users asks for it; the portal links are null unless a portal role needs them. */
public record NewUser(String email, String fullName, String password, List<String> roles,
                      UUID clientId, UUID vendorId, UUID driverId) {
}
