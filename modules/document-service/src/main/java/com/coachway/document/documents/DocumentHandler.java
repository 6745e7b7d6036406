package com.coachway.document.documents;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.document.access.Tenancy;
import com.coachway.document.owners.EntityType;
import com.coachway.document.upload.UploadLimits;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/** Documents over HTTP: read the request, call one {@link DocumentActions} use case, write the answer. */
public final class DocumentHandler {
    private static final Logger log = LoggerFactory.getLogger(DocumentHandler.class);

    private final DocumentActions actions;
    private final UploadLimits limits;

    public DocumentHandler(DocumentActions actions, UploadLimits limits) {
        this.actions = actions;
        this.limits = limits;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var q = Query.of(ctx);
        String type = q.string("entity_type");
        UUID entityId = q.uuid("entity_id");
        String kind = q.string("kind");
        var page = q.page();
        q.validate();
        if (entityId != null && type == null) {
            throw ApiException.validation(List.of(new FieldError("entity_id", "needs entity_type")));
        }
        ctx.json(actions.list(Tenancy.of(caller), new DocumentStore.Filter(type, entityId, kind), page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(Tenancy.of(ServiceApp.caller(ctx)), Ids.pathId(ctx, "id", "Document")));
    }

    /**
     * The body is handed to the upload as the raw request stream (never ctx.body() or
     * uploadedFiles(), which would hold it whole). A refused upload's unread rest is read and
     * discarded first (up to a limit), so the answer reaches a client that is still sending.
     */
    public void upload(Context ctx) throws IOException {
        Caller caller = ServiceApp.caller(ctx);
        InputStream body = ctx.req().getInputStream();
        Document created;
        try {
            created = actions.upload(caller, ctx.req().getContentType(), ctx.req().getContentLengthLong(), body);
        } catch (RuntimeException e) {
            discardRest(body);
            throw e;
        }
        ctx.status(201).header("Location", "/documents/" + created.id()).json(created);
    }

    /** Streams the bytes from GridFS to the client with the headers a browser needs to save them safely. */
    public void download(Context ctx) throws IOException {
        Caller caller = ServiceApp.caller(ctx);
        var download = actions.download(Tenancy.of(caller), Ids.pathId(ctx, "id", "Document"));
        Document d = download.document();
        try (InputStream content = download.content()) {
            ctx.status(200);
            ctx.res().setContentType(d.contentType());
            ctx.res().setContentLengthLong(d.size());
            ctx.header("Content-Disposition", FileNames.contentDisposition(d.filename()));
            ctx.header("Cache-Control", "private, no-store");
            OutputStream out = ctx.res().getOutputStream();
            content.transferTo(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // Headers and part of the body are out: only cutting the response short is honest,
            // and its Content-Length tells the client it is incomplete.
            log.warn("download of {} broke off: {}", d.id(), e.toString());
            throw e;
        }
    }

    public void delete(Context ctx) {
        actions.delete(ServiceApp.caller(ctx), Ids.pathId(ctx, "id", "Document"));
        ctx.status(204);
    }

    private void discardRest(InputStream body) {
        byte[] scratch = new byte[64 * 1024];
        long read = 0;
        try {
            for (int n = body.read(scratch); n >= 0 && read < limits.drainBytes(); n = body.read(scratch)) read += n;
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }
}
