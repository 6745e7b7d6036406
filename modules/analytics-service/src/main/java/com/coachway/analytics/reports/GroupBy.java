package com.coachway.analytics.reports;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the revenue report groups its rows. */
public enum GroupBy {
    DAY, WEEK, MONTH, VEHICLE_TYPE, CLIENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The contract already lists the values; a blank one, which no enum refuses, is a 400 here. */
    static GroupBy read(Query q) {
        String v = q.string("group_by");
        return Arrays.stream(values()).filter(g -> g.code().equals(v)).findFirst()
                .orElseThrow(() -> ApiException.validation(List.of(new FieldError("group_by",
                        "must be one of day, week, month, vehicle_type, client"))));
    }
}
