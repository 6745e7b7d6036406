package com.coachway.client.clients;

import com.coachway.client.access.Tenancy;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.SQLException;
import java.util.UUID;

/** The client use cases: each one's transaction, and the question to charter-service before a delete. */
public final class ClientActions {
    private final DSLContext dsl;
    private final ClientStore clients;
    private final CharterCheck charters;

    public ClientActions(DSLContext dsl, ClientStore clients, CharterCheck charters) {
        this.dsl = dsl;
        this.clients = clients;
        this.charters = charters;
    }

    public Page<Client> list(ClientStore.Filter filter, ClientSort.Order order, PageRequest page) {
        return clients.list(dsl, filter, order, page);
    }

    public Client get(Tenancy tenancy, UUID id) {
        return clients.find(dsl, tenancy, id).orElseThrow(() -> ApiException.notFound("Client"));
    }

    public Client create(UUID id, ClientStore.Data data) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!clients.insert(tx, id, data)) throw duplicateEmail(data.email());
            return clients.find(tx, Tenancy.all(), id).orElseThrow();
        });
    }

    /** Applies the change if the client is still at {@code version} (409 otherwise). */
    public Client update(Tenancy tenancy, UUID id, int version, ClientChange change) {
        try {
            return dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                var before = clients.lock(tx, tenancy, id).orElseThrow(() -> ApiException.notFound("Client"));
                if (before.version() != version) throw ApiException.versionConflict(before.version());
                if (change.changesEmail(before.data().email()) && clients.emailTaken(tx, change.email(), id)) {
                    throw duplicateEmail(change.email());
                }
                clients.update(tx, id, change.applyTo(before.data()));
                return clients.find(tx, Tenancy.all(), id).orElseThrow();
            });
        } catch (DataAccessException e) {
            // another request took the email between our check and our write
            if (change.email() != null && isUniqueViolation(e)) throw duplicateEmail(change.email());
            throw e;
        }
    }

    /**
     * Deletes a client that has never had a charter. charter-service is asked first, outside any
     * transaction, and must answer: without its answer nothing is deleted. (A charter created for
     * the client in the instant between its answer and our delete is the one race left;
     * charter-service validates client ids when charters are created, so such a charter is
     * rejected unless it was already past that check.)
     */
    public void delete(Tenancy tenancy, UUID id) {
        if (!clients.exists(dsl, tenancy, id)) throw ApiException.notFound("Client");
        long charterCount = charters.chartersOf(id);
        if (charterCount > 0) {
            throw ApiException.conflict("The client has charters (" + charterCount
                    + ") and cannot be deleted; set status inactive instead");
        }
        dsl.transaction(c -> {
            if (!clients.delete(c.dsl(), id)) throw ApiException.notFound("Client");
        });
    }

    private static ApiException duplicateEmail(String email) {
        return ApiException.conflict("A client with email " + email + " already exists");
    }

    private static boolean isUniqueViolation(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        return sql != null && "23505".equals(sql.getSQLState());
    }
}
