package com.coachway.document.documents;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.Cursor;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.document.access.Tenancy;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoGridFSException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The documents in GridFS (bucket "documents"): the bytes in documents.chunks, one documents.files
 * entry per file with our fields under {@code metadata}. The files entry is written only when
 * every chunk is in, so a document that can be found is always whole. Ids are our UUIDs, as
 * strings. A store that is down or too slow is a 503, never a 500.
 */
public final class DocumentStore {
    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    public static final String BUCKET = "documents";
    static final String ORDER = "documents-newest";

    private final GridFSBucket bucket;
    private final MongoCollection<org.bson.Document> files;

    public DocumentStore(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.files = database.getCollection(BUCKET + ".files");
    }

    /** What the upload knows before the first byte; the SHA-256 joins when the last has been written. */
    public record NewDocument(String filename, String contentType, String entityType, UUID entityId, String kind,
                              String description, String uploadedBy, UUID clientId, UUID vendorId) {
    }

    public record Filter(String entityType, UUID entityId, String kind) {
    }

    /** The lists' and lookups' indexes (MongoDB keeps them if they exist already). */
    public void createIndexes() {
        guarded(() -> {
            files.createIndex(Indexes.compoundIndex(Indexes.ascending("metadata.entity_type", "metadata.entity_id"),
                    Indexes.descending("uploadDate", "_id")), new IndexOptions().name("by_entity"));
            files.createIndex(Indexes.compoundIndex(Indexes.ascending("metadata.client_id"), Indexes.descending("uploadDate", "_id")),
                    new IndexOptions().name("by_client"));
            files.createIndex(Indexes.compoundIndex(Indexes.ascending("metadata.vendor_id"), Indexes.descending("uploadDate", "_id")),
                    new IndexOptions().name("by_vendor"));
            return null;
        });
    }

    /** A file being written: write its bytes, then {@link Upload#finish} it, or {@link Upload#abort} to keep nothing. */
    public Upload open(UUID id, NewDocument d) {
        var metadata = new org.bson.Document("entity_type", d.entityType())
                .append("entity_id", d.entityId().toString())
                .append("kind", d.kind())
                .append("description", d.description())
                .append("content_type", d.contentType())
                .append("uploaded_by", d.uploadedBy())
                .append("client_id", d.clientId() == null ? null : d.clientId().toString())
                .append("vendor_id", d.vendorId() == null ? null : d.vendorId().toString());
        GridFSUploadStream stream = guarded(() -> bucket.openUploadStream(new BsonString(id.toString()), d.filename(),
                new GridFSUploadOptions().metadata(metadata)));
        return new Upload(id, stream, metadata);
    }

    public static final class Upload {
        private final UUID id;
        private final GridFSUploadStream stream;
        private final org.bson.Document metadata;
        private boolean done;

        private Upload(UUID id, GridFSUploadStream stream, org.bson.Document metadata) {
            this.id = id;
            this.stream = stream;
            this.metadata = metadata;
        }

        public void write(byte[] bytes, int offset, int length) {
            guarded(() -> {
                stream.write(bytes, offset, length);
                return null;
            });
        }

        /**
         * Writes the last chunk and then the files entry, which makes the document exist. The
         * driver writes the metadata it was opened with at close, so the SHA-256 known only now
         * goes into that same document first (DocumentApiTest checks it arrives).
         */
        public void finish(String sha256) {
            metadata.append("sha256", sha256);
            guarded(() -> {
                stream.close();
                return null;
            });
            done = true;
        }

        /** Deletes the chunks written so far; the document never existed. */
        public void abort() {
            if (done) return;
            done = true;
            try {
                stream.abort();
            } catch (MongoException e) {
                // the store is gone: the orphaned chunks have no files entry, so nothing reads them
                log.warn("could not delete the partial upload {}: {}", id, e.toString());
            }
        }
    }

    public Optional<Document> find(Tenancy tenancy, UUID id) {
        return guarded(() -> Optional.ofNullable(bucket.find(Filters.and(Filters.eq("_id", id.toString()), reach(tenancy))).first())
                .map(DocumentStore::document));
    }

    public Page<Document> list(Tenancy tenancy, Filter filter, PageRequest page) {
        var conditions = new ArrayList<Bson>();
        conditions.add(reach(tenancy));
        if (filter.entityType() != null) conditions.add(Filters.eq("metadata.entity_type", filter.entityType()));
        if (filter.entityId() != null) conditions.add(Filters.eq("metadata.entity_id", filter.entityId().toString()));
        if (filter.kind() != null) conditions.add(Filters.eq("metadata.kind", filter.kind()));
        Bson where = Filters.and(conditions);
        Bson start = after(page.after());
        return guarded(() -> {
            long total = files.countDocuments(where);
            var rows = new ArrayList<Document>();
            bucket.find(start == null ? where : Filters.and(where, start))
                    .sort(Sorts.descending("uploadDate", "_id"))
                    .skip(page.offset())
                    .limit(page.limit() + 1)
                    .forEach(f -> rows.add(document(f)));
            String next = null;
            if (rows.size() > page.limit()) {
                Document last = rows.get(page.limit() - 1);
                next = new Cursor(ORDER, List.of(last.uploadedAt().toInstant().toString(), last.id().toString())).encode();
            }
            return new Page<>(List.copyOf(rows.subList(0, Math.min(rows.size(), page.limit()))), total, page.limit(), page.offset(), next);
        });
    }

    /** The stored bytes, streamed chunk by chunk from GridFS. */
    public InputStream content(UUID id) {
        try {
            return guarded(() -> bucket.openDownloadStream(new BsonString(id.toString())));
        } catch (MongoGridFSException e) {
            throw ApiException.notFound("Document"); // deleted since it was found
        }
    }

    public void delete(UUID id) {
        try {
            guarded(() -> {
                bucket.delete(new BsonString(id.toString()));
                return null;
            });
        } catch (MongoGridFSException e) {
            throw ApiException.notFound("Document"); // another request deleted it first
        }
    }

    /** Tenancy as part of the query: another client's or vendor's document is never read. */
    private static Bson reach(Tenancy tenancy) {
        if (tenancy.everything()) return Filters.empty();
        if (tenancy.clientId() != null) return Filters.eq("metadata.client_id", tenancy.clientId().toString());
        return Filters.eq("metadata.vendor_id", tenancy.vendorId() == null ? "" : tenancy.vendorId().toString());
    }

    /** Newest first: after (t, id) come older files, and those of the same instant with a smaller id. */
    private static Bson after(Cursor cursor) {
        if (cursor == null) return null;
        if (!cursor.order().equals(ORDER) || cursor.keys().size() != 2) {
            throw badCursor("was issued for another list or sort order; use the next of a page of this one");
        }
        Date at;
        try {
            at = Date.from(Instant.parse(cursor.keys().get(0)));
        } catch (DateTimeParseException e) {
            throw badCursor("must be the next cursor of an earlier page of this list");
        }
        UUID id = Ids.parse(cursor.keys().get(1));
        if (id == null) throw badCursor("must be the next cursor of an earlier page of this list");
        return Filters.or(Filters.lt("uploadDate", at),
                Filters.and(Filters.eq("uploadDate", at), Filters.lt("_id", id.toString())));
    }

    private static ApiException badCursor(String message) {
        return ApiException.validation(List.of(new FieldError("after", message)));
    }

    private static Document document(GridFSFile f) {
        org.bson.Document m = f.getMetadata() == null ? new org.bson.Document() : f.getMetadata();
        return new Document(UUID.fromString(f.getId().asString().getValue()), f.getFilename(), m.getString("content_type"),
                f.getLength(), m.getString("sha256"), m.getString("entity_type"), UUID.fromString(m.getString("entity_id")),
                m.getString("kind"), m.getString("description"), m.getString("uploaded_by"),
                OffsetDateTime.ofInstant(f.getUploadDate().toInstant(), ZoneOffset.UTC));
    }

    /** A store that cannot be reached, or answers too slowly, is a dependency outage: 503 with Retry-After. */
    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (MongoTimeoutException | MongoSocketException | MongoInterruptedException | MongoExecutionTimeoutException e) {
            log.warn("MongoDB unavailable: {}", e.toString());
            throw ApiException.unavailable("The document store is unavailable; try again shortly");
        }
    }
}
