package com.coachway.cli.session;

import com.coachway.cli.CliContext;
import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.GatewayOptions;
import com.coachway.cli.http.Gateway;
import com.coachway.cli.http.GatewayUrl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in and keep the session for the other commands.",
                "The password is read from the terminal without echo, or from the first line of stdin with "
                        + "--password-stdin. The tokens are saved in $COACHWAY_CONFIG_DIR/cli.json "
                        + "(default ~/.coachway/cli.json), readable by you only; they are never printed."})
public final class LoginCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--email", paramLabel = "EMAIL", description = "your CoachWay login (asked for when omitted)")
    String email;

    @Option(names = "--password-stdin", description = "read the password from the first line of stdin (scripts)")
    boolean passwordStdin;

    public LoginCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var store = new CredentialStore(ctx.configDir());
        GatewayUrl url = gateway.explicit(ctx);
        if (url == null) url = previousUrl(store);
        String login = email != null ? email : ask();
        char[] password = passwordStdin ? Secrets.firstLine(ctx.in()) : prompt();
        if (password.length == 0) throw new CliFailure(ExitCodes.USAGE, "the password is empty");

        var signed = new AuthApi(new Gateway(url)).login(login, password);
        store.save(new Credentials(url.value(), signed.email(), signed.roles(), signed.accessToken(),
                signed.refreshToken()));
        ctx.out().println("logged in to " + url + " as " + signed.email()
                + (signed.roles().isEmpty() ? "" : " (" + String.join(", ", signed.roles()) + ")"));
        return ExitCodes.OK;
    }

    /** Logging in again goes to the gateway of the last login; an unreadable old file is simply replaced. */
    private static GatewayUrl previousUrl(CredentialStore store) {
        try {
            return store.load().map(c -> GatewayUrl.parse(c.url())).orElse(GatewayUrl.DEFAULT);
        } catch (CliFailure | IllegalArgumentException e) {
            return GatewayUrl.DEFAULT;
        }
    }

    private String ask() {
        String answer = ctx.console().map(console -> console.readLine("Email: "))
                .orElseThrow(() -> new CliFailure(ExitCodes.USAGE, "--email is required when there is no terminal"));
        if (answer == null || answer.isBlank()) throw new CliFailure(ExitCodes.USAGE, "no email given");
        return answer.strip();
    }

    private char[] prompt() {
        char[] password = ctx.console().map(console -> console.readPassword("Password: "))
                .orElseThrow(() -> new CliFailure(ExitCodes.USAGE,
                        "no terminal to read the password from: pipe it in with --password-stdin"));
        if (password == null) throw new CliFailure(ExitCodes.USAGE, "no password given");
        return password;
    }
}
