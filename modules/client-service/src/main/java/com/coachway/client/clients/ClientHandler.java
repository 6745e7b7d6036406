package com.coachway.client.clients;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;

import static com.coachway.client.clients.ClientFields.STATUSES;
import static com.coachway.client.clients.ClientFields.TYPES;

/** Clients: search, create, read, change, delete. */
public final class ClientHandler {
    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);

    private final DSLContext dsl;
    private final ClientStore clients;
    private final CharterCheck charters;

    public ClientHandler(DSLContext dsl, ClientStore clients, CharterCheck charters) {
        this.dsl = dsl;
        this.clients = clients;
        this.charters = charters;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var q = Query.of(ctx);
        var filter = new ClientStore.Filter(q.string("q", 200), q.oneOf("type", TYPES), q.oneOf("status", STATUSES),
                ClientScope.limitedTo(caller).orElse(null));
        String sort = q.oneOf("sort", ClientSort.codes());
        var page = q.page();
        q.validate();
        ctx.json(clients.list(filter, ClientSort.parse(sort), page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Client");
        ClientScope.check(ServiceApp.caller(ctx), id, "Client");
        ctx.json(clients.find(id).orElseThrow(() -> ApiException.notFound("Client")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String type = in.requiredEnum("type", TYPES);
        String email = in.requiredEmail("email");
        String phone = FieldInput.phone(in, "phone");
        Address address = FieldInput.address(in, "billing_address");
        Integer terms = in.has("payment_terms_days") ? paymentTerms(in) : Integer.valueOf(ClientFields.DEFAULT_PAYMENT_TERMS);
        BigDecimal creditLimit = in.has("credit_limit") ? creditLimit(in) : ClientFields.DEFAULT_CREDIT_LIMIT;
        Boolean taxExempt = in.has("tax_exempt") ? in.requiredBool("tax_exempt") : Boolean.FALSE;
        String notes = FieldInput.blankToNull(in.optionalString("notes"));
        String status = in.has("status") ? in.requiredEnum("status", STATUSES) : "active";
        in.validate();

        var data = new ClientStore.Data(name, type, email, phone, address, terms, creditLimit, taxExempt, notes, status);
        UUID id = Ids.newId();
        Client created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!clients.insert(tx, id, data)) throw duplicateEmail(email);
            return clients.find(tx, id).orElseThrow();
        });
        log.info("client {} created by {}", id, ServiceApp.caller(ctx).subject());
        ctx.status(201).header("Location", "/clients/" + id).json(created);
    }

    public void update(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Client");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String name = in.has("name") ? in.requiredString("name") : null;
        String type = in.has("type") ? in.requiredEnum("type", TYPES) : null;
        String email = in.has("email") ? in.requiredEmail("email") : null;
        String phone = FieldInput.phone(in, "phone");
        Address address = FieldInput.address(in, "billing_address");
        Integer terms = in.has("payment_terms_days") ? paymentTerms(in) : null;
        BigDecimal creditLimit = in.has("credit_limit") ? creditLimit(in) : null;
        Boolean taxExempt = in.has("tax_exempt") ? in.requiredBool("tax_exempt") : null;
        String notes = FieldInput.blankToNull(in.optionalString("notes"));
        String status = in.has("status") ? in.requiredEnum("status", STATUSES) : null;
        in.validate();

        Client updated;
        try {
            updated = dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                var before = clients.lock(tx, id).orElseThrow(() -> ApiException.notFound("Client"));
                if (before.version() != version) throw ApiException.versionConflict(before.version());
                var b = before.data();
                if (email != null && !email.equalsIgnoreCase(b.email()) && clients.emailTaken(tx, email, id)) throw duplicateEmail(email);
                // Absent fields keep their value; the nullable ones are cleared by an explicit null.
                clients.update(tx, id, new ClientStore.Data(
                        name != null ? name : b.name(),
                        type != null ? type : b.type(),
                        email != null ? email : b.email(),
                        in.has("phone") ? phone : b.phone(),
                        in.has("billing_address") ? address : b.billingAddress(),
                        terms != null ? terms : b.paymentTermsDays(),
                        creditLimit != null ? creditLimit : b.creditLimit(),
                        taxExempt != null ? taxExempt : b.taxExempt(),
                        in.has("notes") ? notes : b.notes(),
                        status != null ? status : b.status()));
                return clients.find(tx, id).orElseThrow();
            });
        } catch (DataAccessException e) {
            // another request took the email between our check and our write
            if (email != null && isUniqueViolation(e)) throw duplicateEmail(email);
            throw e;
        }
        log.info("client {} changed by {}", id, ServiceApp.caller(ctx).subject());
        ctx.json(updated);
    }

    /**
     * Deletes a client that has never had a charter. charter-service is asked first and must answer:
     * without its answer nothing is deleted. (A charter created for the client in the instant
     * between its answer and our delete is the one race left; charter-service validates client ids
     * when charters are created, so such a charter is rejected unless it was already past that check.)
     */
    public void delete(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Client");
        if (!clients.exists(id)) throw ApiException.notFound("Client");
        long charterCount = charters.chartersOf(id);
        if (charterCount > 0) {
            throw ApiException.conflict("The client has charters (" + charterCount
                    + ") and cannot be deleted; set status inactive instead");
        }
        dsl.transaction(c -> {
            if (!clients.delete(c.dsl(), id)) throw ApiException.notFound("Client");
        });
        log.info("client {} deleted by {}", id, ServiceApp.caller(ctx).subject());
        ctx.status(204);
    }

    private static Integer paymentTerms(JsonInput in) {
        return in.requiredInt("payment_terms_days");
    }

    private static BigDecimal creditLimit(JsonInput in) {
        return in.requiredDecimal("credit_limit", 2);
    }

    private static ApiException duplicateEmail(String email) {
        return ApiException.conflict("A client with email " + email + " already exists");
    }

    private static boolean isUniqueViolation(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        return sql != null && "23505".equals(sql.getSQLState());
    }
}
