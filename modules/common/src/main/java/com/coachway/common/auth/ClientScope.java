package com.coachway.common.auth;

import com.coachway.common.http.ApiException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which client's records a caller may see, the same in every service that keeps per-client data.
 * Staff, admins and services see every client; a client portal user only the one its token
 * names, and another client's record simply does not exist for it (404, never 403, so ids cannot
 * be probed). Any other caller that reaches a client-scoped route sees no client at all.
 *
 * <p>As a value ({@link #of(Caller)}) it goes down to the store and becomes part of the query's
 * {@code WHERE} ({@link #where(Field)}): a record outside the scope is never read, so there is no
 * check to forget after the read.
 */
public final class ClientScope {
    /** No client has this id: a caller limited to it sees nothing. */
    private static final UUID NO_CLIENT = new UUID(0, 0);
    private static final ClientScope ALL = new ClientScope(null);

    /** Null: every client. */
    private final UUID clientId;

    private ClientScope(UUID clientId) {
        this.clientId = clientId;
    }

    /** The scope of this caller's requests. */
    public static ClientScope of(Caller caller) {
        return limitedTo(caller).map(ClientScope::new).orElse(ALL);
    }

    /** Every client: for the service's own work (jobs, outbox deliveries), never for a request. */
    public static ClientScope all() {
        return ALL;
    }

    /** Only the records of {@code clientId}. */
    public static ClientScope only(UUID clientId) {
        return new ClientScope(Objects.requireNonNull(clientId, "clientId"));
    }

    /** The one client this scope is limited to, or empty when it sees all of them. */
    public Optional<UUID> client() {
        return Optional.ofNullable(clientId);
    }

    /** The condition to AND into a query on a table whose client is {@code clientColumn}. */
    public Condition where(Field<UUID> clientColumn) {
        return clientId == null ? DSL.noCondition() : clientColumn.eq(clientId);
    }

    public boolean allows(UUID recordClientId) {
        return clientId == null || clientId.equals(recordClientId);
    }

    /** The one client this caller is limited to, or empty when it sees all of them. */
    public static Optional<UUID> limitedTo(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return Optional.empty();
        if (caller.hasRole(Role.CLIENT)) {
            // auth-service never issues a client token without client_id; refuse one rather than guess
            if (caller.clientId() == null) throw ApiException.forbidden("This portal user is not linked to a client");
            return Optional.of(caller.clientId());
        }
        return Optional.of(NO_CLIENT);
    }

    /** The 404 for {@code what} unless the caller may see records of {@code clientId}. */
    public static void check(Caller caller, UUID clientId, String what) {
        limitedTo(caller).ifPresent(own -> {
            if (!own.equals(clientId)) throw ApiException.notFound(what);
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientScope other && Objects.equals(clientId, other.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(clientId);
    }

    @Override
    public String toString() {
        return clientId == null ? "ClientScope[all]" : "ClientScope[" + clientId + "]";
    }
}
