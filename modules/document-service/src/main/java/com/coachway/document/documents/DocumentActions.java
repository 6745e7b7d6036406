package com.coachway.document.documents;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.http.Problems;
import com.coachway.document.access.Tenancy;
import com.coachway.document.owners.Owner;
import com.coachway.document.owners.Owners;
import com.coachway.document.upload.MultipartReader;
import com.coachway.document.upload.UploadLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The document use cases. An upload is read as it arrives: the text fields, then the record is
 * looked up in its service (outside anything held open), then the file's first bytes say its
 * type, and only then do its bytes flow into GridFS, counted and hashed on the way. A refusal at
 * any point leaves nothing stored.
 */
public final class DocumentActions {
    private static final Logger log = LoggerFactory.getLogger(DocumentActions.class);
    private static final int COPY_BYTES = 64 * 1024;

    private final DocumentStore store;
    private final Owners owners;
    private final FileTypes types;
    private final UploadLimits limits;

    public DocumentActions(DocumentStore store, Owners owners, FileTypes types, UploadLimits limits) {
        this.store = store;
        this.owners = owners;
        this.types = types;
        this.limits = limits;
    }

    public Page<Document> list(Tenancy tenancy, DocumentStore.Filter filter, PageRequest page) {
        return store.list(tenancy, filter, page);
    }

    public Document get(Tenancy tenancy, UUID id) {
        return store.find(tenancy, id).orElseThrow(() -> ApiException.notFound("Document"));
    }

    /** The document and its bytes as a stream; the caller closes the stream. */
    public record Download(Document document, InputStream content) {
    }

    public Download download(Tenancy tenancy, UUID id) {
        Document d = get(tenancy, id);
        return new Download(d, store.content(id));
    }

    public void delete(Caller caller, UUID id) {
        Document d = get(Tenancy.of(caller), id);
        if (!Tenancy.mayDelete(caller, d.uploadedBy())) {
            throw ApiException.forbidden("Only an admin, a manager or the uploader may delete this document");
        }
        store.delete(id);
        log.info("document {} ({}) deleted by {}", id, d.filename(), caller.subject());
    }

    /**
     * Reads a multipart/form-data upload from {@code body} and stores its file.
     *
     * @param declaredLength the request's Content-Length, or -1 when it was sent chunked
     */
    public Document upload(Caller caller, String contentType, long declaredLength, InputStream body) {
        String boundary = MultipartReader.boundaryOf(contentType).orElseThrow(() -> ApiException.unsupportedMediaType(
                "Send the document as multipart/form-data (with a boundary): the fields entity_type, entity_id, kind, description, then file"));
        if (declaredLength > limits.maxBodyBytes()) throw tooLarge();
        Tenancy tenancy = Tenancy.of(caller);
        try {
            var reader = new MultipartReader(body, boundary);
            var fields = new HashMap<String, String>();
            var errors = new ArrayList<FieldError>();
            MultipartReader.Part file = readFields(reader, fields, errors);
            UploadForm form = UploadForm.of(fields, errors);
            if (file == null) errors.add(new FieldError("file", "is required (as the last part)"));
            else if (file.filename() == null) errors.add(new FieldError("file", "must be a file part, with a filename"));
            if (!errors.isEmpty()) throw ApiException.validation(errors);

            Owner owner = owners.find(form.entityType(), form.entityId())
                    .filter(o -> tenancy.reaches(o.clientId(), o.vendorId()))
                    .orElseThrow(() -> ApiException.notFound(capitalized(form.entityType().code()) + " " + form.entityId()));
            return store(caller, reader, file, form, owner);
        } catch (MultipartReader.Malformed e) {
            throw ApiException.badRequest("The body is not well-formed multipart/form-data: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("The upload was interrupted before it was complete");
        }
    }

    /** The text fields up to the file part (returned, unread), each problem in {@code errors}. */
    private static MultipartReader.Part readFields(MultipartReader reader, Map<String, String> fields, List<FieldError> errors)
            throws IOException {
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            String name = part.name();
            if ("file".equals(name)) return part;
            if (name == null) {
                errors.add(new FieldError("", "every part must be form-data with a name"));
            } else if (!UploadForm.FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            } else if (fields.containsKey(name)) {
                errors.add(new FieldError(name, "is given twice"));
            } else if (part.filename() != null) {
                errors.add(new FieldError(name, "must be a text field, not a file"));
            } else {
                String value = part.text(UploadForm.MAX_FIELD_BYTES);
                if (value == null) errors.add(new FieldError(name, "is too long"));
                else fields.put(name, value);
            }
        }
        return null;
    }

    private Document store(Caller caller, MultipartReader reader, MultipartReader.Part file, UploadForm form, Owner owner)
            throws IOException {
        String filename = FileNames.clean(file.filename());
        var in = new BufferedInputStream(file.body(), FileTypes.HEAD_BYTES + 1);
        in.mark(1);
        if (in.read() < 0) throw ApiException.validation(List.of(new FieldError("file", "must not be empty")));
        in.reset();
        String type = types.detect(in, filename);
        if (!FileTypes.allowed(type)) {
            throw ApiException.unsupportedMediaType("The file is " + type + "; only PDF, PNG, JPEG, DOCX, XLSX, CSV and plain text are taken");
        }

        UUID id = Ids.newId();
        String uploadedBy = caller.userId() != null ? caller.userId().toString() : caller.subject();
        var upload = store.open(id, new DocumentStore.NewDocument(filename, type, form.entityType().code(), form.entityId(),
                form.kind(), form.description(), uploadedBy, owner.clientId(), owner.vendorId()));
        long size = 0;
        try {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[COPY_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > limits.maxBytes()) throw tooLarge();
                sha.update(buffer, 0, n);
                upload.write(buffer, 0, n);
            }
            if (reader.next() != null) {
                throw ApiException.validation(List.of(new FieldError("file", "must be the last part; send the fields before it")));
            }
            upload.finish(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        log.info("document {} ({}, {}, {} bytes) filed on {} {} by {}", id, filename, type, size,
                form.entityType().code(), form.entityId(), caller.subject());
        return store.find(Tenancy.all(), id).orElseThrow();
    }

    private ApiException tooLarge() {
        return new ApiException(413, Problems.TOO_LARGE, "Payload too large",
                "The file is larger than " + limits.maxBytes() / (1024 * 1024) + " MB (MAX_UPLOAD_MB)", null);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
