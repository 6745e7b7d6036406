package com.coachway.sales.agents;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.sales.audit.SalesAudit;
import com.coachway.sales.remote.UserDirectory;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Agents: made from auth-service users who may sell ({@link AgentEligibility}), taken out of the rotation and back. */
public final class AgentActions {
    private static final Logger log = LoggerFactory.getLogger(AgentActions.class);

    private final DSLContext dsl;
    private final AgentStore agents;
    private final UserDirectory users;
    private final SalesAudit audit;
    private final Clock clock;

    public AgentActions(DSLContext dsl, AgentStore agents, UserDirectory users, SalesAudit audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.agents = agents;
        this.users = users;
        this.clock = clock;
    }

    public Page<Agent> list(Boolean active, PageRequest page) {
        return agents.list(dsl, active, page);
    }

    public Agent get(UUID id) {
        return agents.find(dsl, id).orElseThrow(() -> ApiException.notFound("Agent"));
    }

    /** The caller's own agent: how an agent's UI finds the id its leads are assigned to. */
    public Agent me(Caller caller) {
        if (caller.userId() == null) throw ApiException.notFound("Agent");
        return agents.ofUser(dsl, caller.userId()).orElseThrow(() -> ApiException.notFound("Agent"));
    }

    public Agent create(Caller caller, UUID userId, String name, String email) {
        // asked before the transaction: a slow auth-service must not hold a connection or the user_id's row
        var user = users.user(userId).orElseThrow(() -> ApiException.validation(List.of(new FieldError("user_id", "is not a user"))));
        AgentEligibility.refusal(user.active(), user.roles()).ifPresent(why -> {
            throw ApiException.conflict("User " + userId + " " + why);
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        var agent = new Agent(Ids.newId(), userId, name, email, true, now, now, 1);
        Agent made = dsl.transactionResult(c -> {
            var earlier = agents.ofUser(c.dsl(), userId);
            if (earlier.isPresent()) throw ApiException.conflict("User " + userId + " is already agent " + earlier.get().id());
            agents.insert(c.dsl(), agent);
            return agent;
        });
        log.info("agent {} (user {}) created by {}", made.id(), userId, caller.subject());
        return made;
    }

    public Agent setActive(Caller caller, UUID id, boolean active) {
        Agent changed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Agent agent = agents.lock(tx, id).orElseThrow(() -> ApiException.notFound("Agent"));
            // setting what already is changes nothing: no new version, nothing for the audit trail
            if (agent.active() == active) return null;
            Agent set = agents.setActive(tx, id, active, OffsetDateTime.now(clock)).orElseThrow();
            audit.agentActiveSet(tx, AuditTrail.actor(caller), id, set.userId(), active);
            return set;
        });
        if (changed == null) return get(id);
        log.info("agent {} {} by {}", id, active ? "activated" : "deactivated", caller.subject());
        return changed;
    }
}
