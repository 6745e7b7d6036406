package com.coachway.cli.session;

import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a secret without ever making it a String (Strings cannot be wiped and end up in heap dumps). */
final class Secrets {
    private static final int MAX_BYTES = 1024;

    /** The first line of the stream, without its line ending; empty at end of input. */
    static char[] firstLine(InputStream in) {
        var bytes = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (bytes.size() >= MAX_BYTES) throw new CliFailure(ExitCodes.USAGE, "the password line is too long");
                bytes.write(b);
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "cannot read the password from stdin: " + e.getMessage());
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw, 0, length));
            char[] secret = new char[chars.remaining()];
            chars.get(secret);
            Arrays.fill(chars.array(), '\0');
            return secret;
        } catch (CharacterCodingException e) {
            throw new CliFailure(ExitCodes.USAGE, "the password on stdin is not UTF-8 text");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private Secrets() {
    }
}
