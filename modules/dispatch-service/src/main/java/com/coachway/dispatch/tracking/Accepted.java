package com.coachway.dispatch.tracking;

/** What a posted batch did: positions newly stored, and positions already stored (a retry) or repeated within it. */
public record Accepted(int accepted, int duplicates) {
}
