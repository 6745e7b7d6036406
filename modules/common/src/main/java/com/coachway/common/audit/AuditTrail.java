package com.coachway.common.audit;

import com.coachway.common.auth.Caller;
import com.coachway.common.client.ServiceClient;
import java.util.function.Supplier;
import com.coachway.common.config.Config;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxForwarder;
import com.coachway.common.outbox.OutboxHandler;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A service's appends to the platform audit trail: each is an outbox row (topic
 * {@code audit.<action>}, payload an {@link AuditEvent}) written in the caller's transaction, so
 * an action and its audit entry commit together or not at all; the service's outbox worker then
 * POSTs it to change-mgmt-service's {@code /audit-events} with the outbox id as Idempotency-Key
 * (which becomes the entry's id, so a redelivery is recorded once).
 *
 * <p>Infrastructure only: which actions are audit-worthy, and what their from/to are, is each
 * service's business. A service declares its actions up front, because its worker claims only
 * the topics it has handlers for: an action written but not declared would never be delivered.
 *
 * <pre>{@code
 * var audit = new AuditTrail(outbox, NAME, clock, "user.roles_changed", "user.deactivated");
 * worker.handlers(audit.handlers(AuditTrail.receiver(config, tokens)));
 * dsl.transaction(c -> { ...; audit.append(c.dsl(), "user.deactivated", "user", id, AuditTrail.actor(caller), "active", "inactive", null); });
 * }</pre>
 */
public final class AuditTrail {
    /** change-mgmt-service's receiver. */
    public static final String PATH = "/audit-events";
    public static final String TOPIC_PREFIX = "audit.";
    /** The actor of what no person or service asked for: a provider's webhook, a worker. */
    public static final String SYSTEM = "system";

    private static final Pattern SERVICE = Pattern.compile("^[a-z][a-z-]{1,39}$");
    private static final Pattern ACTION = Pattern.compile("^[a-z_]+(\\.[a-z_]+)+$");
    private static final Pattern ENTITY_TYPE = Pattern.compile("^[a-z_]{1,40}$");
    private static final int MAX_ACTION = 80;
    private static final int MAX_ID = 100;
    private static final int MAX_STATE = 200;

    private final Outbox outbox;
    private final String service;
    private final Clock clock;
    private final Set<String> actions;

    public AuditTrail(Outbox outbox, String service, Clock clock, String... actions) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (service == null || !SERVICE.matcher(service).matches()) throw new IllegalArgumentException("service name " + service + " is not ^[a-z][a-z-]{1,39}$");
        this.service = service;
        if (actions.length == 0) throw new IllegalArgumentException("an audit trail needs the actions it may append");
        for (String a : actions) {
            if (a == null || a.length() > MAX_ACTION || !ACTION.matcher(a).matches()) {
                throw new IllegalArgumentException("audit action " + a + " is not ^[a-z_]+(\\.[a-z_]+)+$ (at most 80)");
            }
        }
        this.actions = Set.of(actions);
    }

    /** change-mgmt-service, at CHANGE_MGMT_SERVICE_URL (default http://localhost:8012), with the service's own token (its ServiceTokens). */
    public static ServiceClient receiver(Config config, Supplier<String> tokens) {
        return ServiceClient.builder(config, "change-mgmt-service")
                .token(tokens).build();
    }

    /** The actor of a request: the user's id, or {@code service:<client id>} for a service token. */
    public static String actor(Caller caller) {
        if (caller == null) return SYSTEM;
        if (caller.isService() || caller.userId() == null) return "service:" + caller.subject();
        return caller.userId().toString();
    }

    public static String topic(String action) {
        return TOPIC_PREFIX + action;
    }

    /** One forwarder per declared action, to add to the service's outbox worker. */
    public Map<String, OutboxHandler> handlers(ServiceClient receiver) {
        var forwarder = OutboxForwarder.to(receiver, PATH);
        Map<String, OutboxHandler> byTopic = new LinkedHashMap<>();
        actions.stream().sorted().forEach(a -> byTopic.put(topic(a), forwarder));
        return byTopic;
    }

    /**
     * Writes the entry as an outbox row in {@code txDsl}'s transaction (pass {@code c.dsl()})
     * and returns its id, the entry's id at the receiver.
     */
    public UUID append(DSLContext txDsl, String action, String entityType, Object entityId, String actor,
                       String from, String to, Map<String, ?> details) {
        if (!actions.contains(action)) throw new IllegalArgumentException(service + " declared no audit action " + action);
        if (entityType == null || !ENTITY_TYPE.matcher(entityType).matches()) throw new IllegalArgumentException("entity type " + entityType + " is not ^[a-z_]{1,40}$");
        String id = Objects.requireNonNull(entityId, "entityId").toString();
        if (id.isEmpty() || id.length() > MAX_ID) throw new IllegalArgumentException("entity id must be 1 to 100 characters");
        if (actor == null || actor.isEmpty() || actor.length() > MAX_ID) throw new IllegalArgumentException("actor must be 1 to 100 characters");
        var event = new AuditEvent(service, action, entityType, id, actor,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), state(from), state(to),
                details == null ? null : new LinkedHashMap<>(details));
        return outbox.enqueue(txDsl, topic(action), event);
    }

    public UUID append(DSLContext txDsl, String action, String entityType, Object entityId, String actor, String from, String to) {
        return append(txDsl, action, entityType, entityId, actor, from, to, null);
    }

    /** A state longer than the receiver keeps is cut, not refused: the action has happened either way. */
    private static String state(String s) {
        if (s == null || s.length() <= MAX_STATE) return s;
        return s.substring(0, MAX_STATE - 1) + "…";
    }
}
