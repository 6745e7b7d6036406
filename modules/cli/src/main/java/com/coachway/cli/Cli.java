package com.coachway.cli;

import com.coachway.cli.finance.AgingCommand;
import com.coachway.cli.finance.FinanceCommand;
import com.coachway.cli.finance.TrialBalanceCommand;
import com.coachway.cli.session.LoginCommand;
import com.coachway.cli.session.LogoutCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * coachway: the CoachWay platform from a terminal, through the gateway's public REST API only,
 * as the user who ran `coachway login` (so it may do exactly what that user may).
 */
@Command(name = "coachway", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "CoachWay from the command line: the platform's REST API through the gateway, "
                + "as the user you log in as.",
        footer = {"", "Environment: COACHWAY_URL (gateway, default http://localhost:8080), "
                + "COACHWAY_CONFIG_DIR (where cli.json is kept, default ~/.coachway)."})
public final class Cli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        var ctx = new CliContext(System.in, System.out, System.err, System.getenv(), Prompter.systemConsole());
        System.exit(run(ctx, args));
    }

    /** For tests and scripts: no terminal and an empty stdin; the config dir and URL come from env and args. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, new ByteArrayInputStream(new byte[0]), out, err, env);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(new CliContext(in, out, err, env, null), args);
    }

    public static int run(CliContext ctx, String[] args) {
        var commandLine = commandLine(ctx);
        try {
            return commandLine.execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    static CommandLine commandLine(CliContext ctx) {
        var finance = new CommandLine(new FinanceCommand())
                .addSubcommand(new AgingCommand(ctx))
                .addSubcommand(new TrialBalanceCommand(ctx));
        var root = new CommandLine(new Cli())
                .addSubcommand(new LoginCommand(ctx))
                .addSubcommand(new LogoutCommand(ctx))
                .addSubcommand(finance);
        root.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
        root.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
        root.setExecutionExceptionHandler((exception, command, parsed) -> {
            if (exception instanceof CliFailure failure) {
                command.getErr().println("coachway: " + failure.getMessage());
                return failure.exitCode();
            }
            // a bug, not the user's doing; still one line, never a token-bearing object dump
            command.getErr().println("coachway: unexpected error: " + exception);
            return ExitCodes.FAILED;
        });
        // a refused command line: the reason and where help is, not the whole usage text
        root.setParameterExceptionHandler((exception, arguments) -> {
            var command = exception.getCommandLine();
            command.getErr().println("coachway: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, command.getErr());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        documentExitCodes(root);
        return root;
    }

    private static void documentExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.descriptions());
        command.getSubcommands().values().forEach(Cli::documentExitCodes);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"coachway " + (version == null ? "(development build)" : version)};
        }
    }
}
