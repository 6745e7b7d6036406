package com.coachway.document.upload;

/**
 * How large a file may be ({@code MAX_UPLOAD_MB}), and how much of a refused body the service
 * still reads and discards before answering. Reading the rest lets the 413 (or 415, 404…) reach
 * the client cleanly through the gateway; answering while the client is still sending and closing
 * the connection would reset it, and the client (or the gateway) would see a broken upload
 * instead of the answer. Past the drain limit the connection is simply closed.
 */
public record UploadLimits(long maxBytes) {
    /** The multipart framing and text fields around the file: far more than they ever take. */
    public static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    /** A body whose declared length is past this cannot hold an allowed file. */
    public long maxBodyBytes() {
        return maxBytes + FORM_OVERHEAD_BYTES;
    }

    /** At most this many bytes of a refused body are read and discarded. */
    public long drainBytes() {
        return maxBodyBytes() + FORM_OVERHEAD_BYTES;
    }
}
