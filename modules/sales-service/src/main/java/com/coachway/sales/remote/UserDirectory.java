package com.coachway.sales.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * auth-service's users, asked with this service's own token: managers make agents, and auth-service
 * lets only admins and services read a user. Outside any transaction. An unknown user is empty; an
 * unreachable auth-service is the 503 our caller gets, with nothing written.
 */
public final class UserDirectory {
    private final ServiceClient auth;

    public UserDirectory(ServiceClient auth) {
        this.auth = auth;
    }

    public record UserInfo(UUID id, List<String> roles, boolean active) {
        public UserInfo {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public Optional<UserInfo> user(UUID id) {
        try {
            return Optional.ofNullable(auth.get("/users/" + id, UserInfo.class));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
