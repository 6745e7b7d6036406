package com.coachway.sales.agents;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.sales.tables.records.AgentRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.sales.Tables.AGENT;
import static com.coachway.db.sales.Tables.ASSIGNMENT_TURN;

/** The jOOQ queries of agents and of the round-robin turn. */
public final class AgentStore {
    private static final Keyset IN_ROTATION_ORDER = Keyset.of("agents", AGENT.CREATED_AT.asc(), AGENT.ID.asc());

    public void insert(DSLContext tx, Agent a) {
        tx.insertInto(AGENT)
                .set(AGENT.ID, a.id())
                .set(AGENT.USER_ID, a.userId())
                .set(AGENT.NAME, a.name())
                .set(AGENT.EMAIL, a.email())
                .set(AGENT.ACTIVE, a.active())
                .set(AGENT.CREATED_AT, a.createdAt())
                .set(AGENT.UPDATED_AT, a.updatedAt())
                .set(AGENT.VERSION, a.version())
                .execute();
    }

    public Optional<Agent> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(AGENT).where(AGENT.ID.eq(id)).fetchOptional(AgentStore::toAgent);
    }

    public Optional<Agent> ofUser(DSLContext ctx, UUID userId) {
        return ctx.selectFrom(AGENT).where(AGENT.USER_ID.eq(userId)).fetchOptional(AgentStore::toAgent);
    }

    /** The condition that {@code column} (another table's agent id) names the assignee; "me" by a subquery on the caller's user id. */
    public static Condition isAssignee(Field<UUID> column, Assignee a) {
        if (!a.me()) return column.eq(a.agentId());
        if (a.userId() == null) return DSL.falseCondition();
        return column.eq(DSL.select(AGENT.ID).from(AGENT).where(AGENT.USER_ID.eq(a.userId())));
    }

    public Page<Agent> list(DSLContext ctx, Boolean active, PageRequest page) {
        Condition where = active == null ? DSL.noCondition() : AGENT.ACTIVE.eq(active);
        int total = ctx.fetchCount(AGENT, where);
        return IN_ROTATION_ORDER.page(ctx.selectFrom(AGENT).where(where), page, total, AgentStore::toAgent);
    }

    /** The agent held FOR UPDATE until commit. */
    public Optional<Agent> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(AGENT).where(AGENT.ID.eq(id)).forUpdate().fetchOptional(AgentStore::toAgent);
    }

    public Optional<Agent> setActive(DSLContext tx, UUID id, boolean active, OffsetDateTime now) {
        return tx.update(AGENT)
                .set(AGENT.ACTIVE, active)
                .set(AGENT.UPDATED_AT, now)
                .set(AGENT.VERSION, AGENT.VERSION.plus(1))
                .where(AGENT.ID.eq(id))
                .returning()
                .fetchOptional(AgentStore::toAgent);
    }

    /** The turn's one row, held FOR UPDATE until commit; answers the place of the agent assigned last (null: none yet). */
    public RoundRobin.Place lockTurn(DSLContext tx) {
        UUID last = tx.select(ASSIGNMENT_TURN.LAST_AGENT_ID).from(ASSIGNMENT_TURN).where(ASSIGNMENT_TURN.ID.eq(1))
                .forUpdate().fetchSingle(ASSIGNMENT_TURN.LAST_AGENT_ID);
        if (last == null) return null;
        return tx.select(AGENT.ID, AGENT.CREATED_AT).from(AGENT).where(AGENT.ID.eq(last))
                .fetchOptional(r -> new RoundRobin.Place(r.value1(), r.value2())).orElse(null);
    }

    public List<RoundRobin.Place> activePlaces(DSLContext tx) {
        return tx.select(AGENT.ID, AGENT.CREATED_AT).from(AGENT).where(AGENT.ACTIVE.isTrue())
                .orderBy(AGENT.CREATED_AT, AGENT.ID)
                .fetch(r -> new RoundRobin.Place(r.value1(), r.value2()));
    }

    public void turnTaken(DSLContext tx, UUID agentId, OffsetDateTime now) {
        tx.update(ASSIGNMENT_TURN)
                .set(ASSIGNMENT_TURN.LAST_AGENT_ID, agentId)
                .set(ASSIGNMENT_TURN.ASSIGNED, ASSIGNMENT_TURN.ASSIGNED.plus(1))
                .set(ASSIGNMENT_TURN.UPDATED_AT, now)
                .where(ASSIGNMENT_TURN.ID.eq(1))
                .execute();
    }

    private static Agent toAgent(AgentRecord r) {
        return new Agent(r.getId(), r.getUserId(), r.getName(), r.getEmail(), r.getActive(), r.getCreatedAt(), r.getUpdatedAt(),
                r.getVersion());
    }
}
