package com.coachway.auth.roles;

import java.util.List;

/** A role as the API shows it. */
public record RoleView(String name, String description, boolean builtIn, List<String> permissions) {
}
