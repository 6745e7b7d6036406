package com.coachway.vendor.compliance;

import java.util.Arrays;
import java.util.Locale;

/** The papers a vendor files; the first three are required to bid. */
public enum ComplianceKind {
    LIABILITY_INSURANCE(true), OPERATING_AUTHORITY(true), W9(true), VEHICLE_INSPECTION(false), DRUG_ALCOHOL_PROGRAM(false);

    private final boolean required;

    ComplianceKind(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComplianceKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown compliance kind " + code));
    }
}
