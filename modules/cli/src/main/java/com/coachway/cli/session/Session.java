package com.coachway.cli.session;

import com.coachway.cli.CliContext;
import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.GatewayOptions;
import com.coachway.cli.http.Gateway;
import com.coachway.cli.http.GatewayUrl;
import com.coachway.cli.http.ProblemMessage;

/**
 * Calls as the logged-in user. An access token lives 15 minutes, so a 401 is answered once by
 * rotating the refresh token and retrying; the new pair is saved. The token is only ever sent to
 * the gateway that issued it.
 */
public final class Session {
    static final String NOT_LOGGED_IN = "not logged in or session expired: run coachway login";

    private final CredentialStore store;
    private final Gateway gateway;
    private Credentials credentials;

    private Session(CredentialStore store, Gateway gateway, Credentials credentials) {
        this.store = store;
        this.gateway = gateway;
        this.credentials = credentials;
    }

    public static Session resume(CliContext ctx, GatewayOptions options) {
        var store = new CredentialStore(ctx.configDir());
        var credentials = store.load().orElseThrow(() -> new CliFailure(ExitCodes.NOT_LOGGED_IN,
                "not logged in: run coachway login"));
        GatewayUrl stored;
        try {
            stored = GatewayUrl.parse(credentials.url());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.NOT_LOGGED_IN, store.file() + " names no gateway: run coachway login");
        }
        GatewayUrl wanted = options.explicit(ctx);
        if (wanted != null && !wanted.equals(stored)) {
            throw new CliFailure(ExitCodes.NOT_LOGGED_IN, "logged in to " + stored + ", not " + wanted
                    + ": run coachway login --url " + wanted);
        }
        return new Session(store, new Gateway(stored), credentials);
    }

    /** A 2xx answer, or a CliFailure telling the user why not. */
    public Gateway.Answer get(String pathAndQuery, String accept) {
        var answer = gateway.get(pathAndQuery, accept, credentials.accessToken());
        if (answer.status() == 401 && refreshed()) {
            answer = gateway.get(pathAndQuery, accept, credentials.accessToken());
        }
        if (answer.status() == 401) throw new CliFailure(ExitCodes.NOT_LOGGED_IN, NOT_LOGGED_IN);
        if (!answer.ok()) throw new CliFailure(ExitCodes.FAILED, ProblemMessage.of(answer));
        return answer;
    }

    private boolean refreshed() {
        if (credentials.refreshToken() == null) return false;
        var pair = new AuthApi(gateway).refresh(credentials.refreshToken());
        if (pair.isEmpty()) return false;
        credentials = credentials.withTokens(pair.get().accessToken(), pair.get().refreshToken());
        store.save(credentials);
        return true;
    }
}
