package com.coachway.cli.finance;

import com.coachway.cli.CliContext;
import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.GatewayOptions;
import com.coachway.cli.http.Json;
import com.coachway.cli.session.Session;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "finance", mixinStandardHelpOptions = true,
        description = {"Finance reports: aging, trial balance.",
                "finance-service (/api/v1/finance) as the logged-in user (admin, manager or accountant)."})
public final class FinanceCommand implements Runnable {
    static final String BASE = "/api/v1/finance";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** GET a JSON report as the logged-in user. */
    static JsonNode report(CliContext ctx, GatewayOptions gateway, String path, LocalDate asOf) {
        var answer = Session.resume(ctx, gateway).get(BASE + path + "?as_of=" + asOf, "application/json");
        JsonNode json = Json.treeOrNull(answer.body());
        if (json == null || !json.isObject()) throw unexpected(path, "it is not a JSON object");
        return json;
    }

    static CliFailure unexpected(String path, String why) {
        return new CliFailure(ExitCodes.FAILED, "unexpected answer from " + BASE + path + ": " + why);
    }

    static void print(CliContext ctx, List<String> lines) {
        lines.forEach(ctx.out()::println);
        ctx.out().flush();
    }
}
