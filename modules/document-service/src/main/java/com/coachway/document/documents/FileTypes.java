package com.coachway.document.documents;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What a file is, from its bytes (Apache Tika's magic numbers; the name only narrows a family
 * the bytes already show, e.g. a ZIP container to docx, plain text to csv), and which types are
 * taken. A name never turns one type into another: an executable named .pdf stays an executable.
 */
public final class FileTypes {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final List<String> ALLOWED = List.of("application/pdf", "image/png", "image/jpeg", DOCX, XLSX,
            "text/csv", "text/plain");
    /** Detection reads at most this many bytes from the start (and resets the stream). */
    public static final int HEAD_BYTES = 64 * 1024;

    private final Detector detector;

    private FileTypes(Detector detector) {
        this.detector = detector;
    }

    public static FileTypes tika() {
        return new FileTypes(MimeTypes.getDefaultMimeTypes());
    }

    /**
     * The media type (without parameters) of the content at the stream's start. The stream must
     * support mark/reset with at least {@link #HEAD_BYTES}; it is left where it was.
     */
    public String detect(InputStream markable, String filename) throws IOException {
        if (!markable.markSupported()) throw new IllegalArgumentException("the stream must support mark/reset");
        var metadata = new Metadata();
        if (filename != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        MediaType type = detector.detect(markable, metadata);
        return type.getBaseType().toString();
    }

    public static boolean allowed(String type) {
        return ALLOWED.contains(type);
    }
}
