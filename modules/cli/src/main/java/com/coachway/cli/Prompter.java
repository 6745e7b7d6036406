package com.coachway.cli;

import java.io.Console;

/** The interactive terminal, when there is one: a line with echo, a password without. */
public interface Prompter {
    String readLine(String prompt);

    char[] readPassword(String prompt);

    /** The process's console, or null when stdin/stdout are not a terminal (scripts, tests). */
    static Prompter systemConsole() {
        Console console = System.console();
        if (console == null) return null;
        return new Prompter() {
            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }
        };
    }
}
