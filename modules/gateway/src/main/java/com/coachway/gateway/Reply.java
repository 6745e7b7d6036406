package com.coachway.gateway;

import org.eclipse.jetty.http.HttpFields;

/**
 * A response a plugin gives instead of proxying (Kong's kong.response.exit / error): either an
 * empty answer with headers (a CORS preflight) or a problem ({@code detail} set).
 */
record Reply(int status, HttpFields.Mutable headers, String detail) {
    static Reply empty(int status, HttpFields.Mutable headers) {
        return new Reply(status, headers, null);
    }

    static Reply problem(int status, String detail) {
        return new Reply(status, HttpFields.build(), detail);
    }

    static Reply problem(int status, String detail, HttpFields.Mutable headers) {
        return new Reply(status, headers, detail);
    }
}
