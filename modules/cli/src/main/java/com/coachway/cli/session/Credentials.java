package com.coachway.cli.session;

import java.util.List;

/** What `coachway login` keeps: the gateway it logged in to, who, and the token pair auth-service issued. */
public record Credentials(String url, String email, List<String> roles, String accessToken, String refreshToken) {
    public Credentials {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    Credentials withTokens(String newAccessToken, String newRefreshToken) {
        return new Credentials(url, email, roles, newAccessToken, newRefreshToken);
    }

    /** Never the tokens: a stack trace or a debug print must not leak them. */
    @Override
    public String toString() {
        return "Credentials[url=" + url + ", email=" + email + ", roles=" + roles + "]";
    }
}
