package com.coachway.cli.finance;

import com.coachway.cli.CliContext;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.GatewayOptions;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trial-balance", mixinStandardHelpOptions = true,
        description = {"The ledger's trial balance as of a date.",
                "Debit and credit totals per account, their totals, and whether debits equal credits (exit code 5 when they do not).",
                "GET /api/v1/finance/ledger/trial-balance?as_of=YYYY-MM-DD"})
public final class TrialBalanceCommand implements Callable<Integer> {
    private static final String PATH = "/ledger/trial-balance";
    private final CliContext ctx;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "the last posting date included")
    LocalDate asOf;

    public TrialBalanceCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var report = FinanceCommand.report(ctx, gateway, PATH, asOf);
        TrialBalanceReport.Rendered rendered;
        try {
            rendered = TrialBalanceReport.render(report);
        } catch (IllegalArgumentException e) {
            throw FinanceCommand.unexpected(PATH, e.getMessage());
        }
        FinanceCommand.print(ctx, rendered.lines());
        return rendered.balanced() ? ExitCodes.OK : ExitCodes.UNBALANCED;
    }
}
