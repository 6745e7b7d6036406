package com.coachway.cli.finance;

import com.coachway.cli.CliContext;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.GatewayOptions;
import com.coachway.cli.session.Session;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "aging", mixinStandardHelpOptions = true,
        description = {"AR aging per client (AP aging per vendor with --ap) as of a date.",
                "Open balances in the buckets current (not yet due), 1-30, 31-60, 61-90 and over 90 days past due, "
                + "with totals. Amounts are printed exactly as finance-service gives them.",
                "GET /api/v1/finance/reports/ar-aging (ap-aging) ?as_of=YYYY-MM-DD"})
public final class AgingCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "the date the balances are open on (payments and credits after it do not count)")
    LocalDate asOf;

    @Option(names = "--ap", description = "accounts payable (vendor bills) instead of receivable")
    boolean payables;

    @Option(names = "--csv", description = "print finance-service's CSV (?format=csv) unchanged instead of a table")
    boolean csv;

    public AgingCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String path = "/reports/" + (payables ? "ap-aging" : "ar-aging");
        if (csv) {
            var answer = Session.resume(ctx, gateway)
                    .get(FinanceCommand.BASE + path + "?as_of=" + asOf + "&format=csv", "text/csv");
            ctx.out().writeBytes(answer.body());
            ctx.out().flush();
            return ExitCodes.OK;
        }
        var report = FinanceCommand.report(ctx, gateway, path, asOf);
        try {
            FinanceCommand.print(ctx, AgingReport.render(report, payables));
        } catch (IllegalArgumentException e) {
            throw FinanceCommand.unexpected(path, e.getMessage());
        }
        return ExitCodes.OK;
    }
}
