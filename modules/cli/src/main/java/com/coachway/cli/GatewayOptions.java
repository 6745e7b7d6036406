package com.coachway.cli;

import com.coachway.cli.http.GatewayUrl;
import picocli.CommandLine.Option;

/** --url, shared by every command that talks to the gateway. */
public final class GatewayOptions {
    @Option(names = "--url", paramLabel = "URL", converter = GatewayUrlConverter.class,
            description = "gateway base URL (default: $COACHWAY_URL, else the URL you logged in to, else "
                    + "http://localhost:8080)")
    GatewayUrl url;

    /** --url, else $COACHWAY_URL, else null (the caller decides: the stored login's URL or the default). */
    public GatewayUrl explicit(CliContext ctx) {
        if (url != null) return url;
        String fromEnv = ctx.env().get(CliContext.URL_VARIABLE);
        if (fromEnv == null || fromEnv.isBlank()) return null;
        try {
            return GatewayUrl.parse(fromEnv);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, CliContext.URL_VARIABLE + ": " + e.getMessage());
        }
    }

    public static final class GatewayUrlConverter implements picocli.CommandLine.ITypeConverter<GatewayUrl> {
        @Override
        public GatewayUrl convert(String value) {
            try {
                return GatewayUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
