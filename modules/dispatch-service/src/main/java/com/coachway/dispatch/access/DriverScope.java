package com.coachway.dispatch.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.Role;
import com.coachway.common.http.ApiException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose assignments a caller may see and act on: staff (and the service's own work) every
 * driver's; a driver user only its own (the token's driver_id). It goes down to the store as part
 * of the query's WHERE, so another driver's assignment is never read: a 404, never a 403.
 */
public final class DriverScope {
    private static final DriverScope ALL = new DriverScope(null);

    /** Null: every driver. */
    private final UUID driverId;

    private DriverScope(UUID driverId) {
        this.driverId = driverId;
    }

    public static DriverScope of(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return ALL;
        if (caller.hasRole(Role.DRIVER)) {
            // auth-service never issues a driver token without driver_id; refuse one rather than guess
            if (caller.driverId() == null) throw ApiException.forbidden("This portal user is not linked to a driver");
            return new DriverScope(caller.driverId());
        }
        throw ApiException.forbidden("Only staff and drivers see assignments");
    }

    public static DriverScope all() {
        return ALL;
    }

    public Optional<UUID> driver() {
        return Optional.ofNullable(driverId);
    }

    /** The condition to AND into a query on a table whose driver is {@code driverColumn}. */
    public Condition where(Field<UUID> driverColumn) {
        return driverId == null ? DSL.noCondition() : driverColumn.eq(driverId);
    }

    @Override
    public String toString() {
        return driverId == null ? "DriverScope[all]" : "DriverScope[" + driverId + "]";
    }
}
