package com.coachway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the process's exit status means; shown under every command's usage help. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The API answered with a problem (4xx other than 401, 5xx), an unexpected answer, or a local failure. */
    public static final int FAILED = 1;
    /** picocli's own code for a command line it refused (unknown option, malformed --as-of, ...). */
    public static final int USAGE = picocli.CommandLine.ExitCode.USAGE;
    public static final int NOT_LOGGED_IN = 3;
    public static final int UNREACHABLE = 4;
    public static final int UNBALANCED = 5;

    public static Map<String, String> descriptions() {
        var codes = new LinkedHashMap<String, String>();
        codes.put(" " + OK, "success");
        codes.put(" " + FAILED, "the API refused the request (its problem is printed), or another error");
        codes.put(" " + USAGE, "bad command line (unknown option, malformed date, missing argument)");
        codes.put(" " + NOT_LOGGED_IN, "not logged in, session expired, or login refused: run coachway login");
        codes.put(" " + UNREACHABLE, "the gateway could not be reached (connection refused, timeout)");
        codes.put(" " + UNBALANCED, "trial-balance: the books do not balance (debits differ from credits)");
        return codes;
    }

    private ExitCodes() {
    }
}
