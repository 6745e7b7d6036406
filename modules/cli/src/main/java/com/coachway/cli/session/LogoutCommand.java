package com.coachway.cli.session;

import com.coachway.cli.CliContext;
import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.http.Gateway;
import com.coachway.cli.http.GatewayUrl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "End the session at auth-service and remove the saved login.")
public final class LogoutCommand implements Callable<Integer> {
    private final CliContext ctx;

    public LogoutCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var store = new CredentialStore(ctx.configDir());
        var credentials = store.load();
        if (credentials.isEmpty()) {
            ctx.out().println("not logged in");
            return ExitCodes.OK;
        }
        // the local login goes whatever the server says: it is what the user asked for
        String refused = null;
        if (credentials.get().refreshToken() != null) {
            try {
                var gateway = new Gateway(GatewayUrl.parse(credentials.get().url()));
                refused = new AuthApi(gateway).logout(credentials.get().refreshToken());
            } catch (CliFailure | IllegalArgumentException e) {
                refused = e.getMessage();
            }
        }
        store.delete();
        if (refused != null) {
            ctx.err().println("coachway: warning: auth-service did not end the session (" + refused
                    + "); it ends by itself when its tokens expire");
        }
        ctx.out().println("logged out of " + credentials.get().url());
        return ExitCodes.OK;
    }
}
