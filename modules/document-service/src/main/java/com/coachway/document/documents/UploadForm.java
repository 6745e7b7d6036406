package com.coachway.document.documents;

import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.document.owners.EntityType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The text fields of an upload, checked as the contract describes them (it cannot check multipart bodies itself). */
public record UploadForm(EntityType entityType, UUID entityId, String kind, String description) {
    public static final Set<String> FIELDS = Set.of("entity_type", "entity_id", "kind", "description");
    public static final int MAX_FIELD_BYTES = 4_000;
    static final int MAX_DESCRIPTION = 1_000;
    private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_]{0,49}$");

    /** The form, or null with every problem added to {@code errors}. */
    public static UploadForm of(Map<String, String> fields, List<FieldError> errors) {
        int before = errors.size();
        EntityType type = null;
        String rawType = fields.get("entity_type");
        if (rawType == null) errors.add(new FieldError("entity_type", "is required"));
        else {
            type = EntityType.fromCode(rawType).orElse(null);
            if (type == null) errors.add(new FieldError("entity_type", "must be one of " + String.join(", ", EntityType.CODES)));
        }
        UUID id = null;
        String rawId = fields.get("entity_id");
        if (rawId == null) errors.add(new FieldError("entity_id", "is required"));
        else if ((id = Ids.parse(rawId.strip())) == null) errors.add(new FieldError("entity_id", "must be a UUID"));
        String kind = fields.get("kind");
        if (kind == null) errors.add(new FieldError("kind", "is required"));
        else if (!KIND.matcher(kind).matches()) {
            errors.add(new FieldError("kind", "must be a code of lower-case letters, digits and _, at most 50 (e.g. contract)"));
        }
        String description = fields.get("description");
        if (description != null) {
            if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
                errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
            } else if (description.indexOf('\u0000') >= 0) {
                errors.add(new FieldError("description", "must not contain NUL"));
            }
            description = description.isBlank() ? null : description.strip();
        }
        return errors.size() > before ? null : new UploadForm(type, id, kind, description);
    }
}
