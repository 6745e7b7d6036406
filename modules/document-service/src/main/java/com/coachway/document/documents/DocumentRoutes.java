package com.coachway.document.documents;

import com.coachway.document.access.Access;
import io.javalin.config.RoutesConfig;

public final class DocumentRoutes {
    private DocumentRoutes() {
    }

    public static void register(RoutesConfig r, DocumentHandler h) {
        r.get("/documents", h::list, Access.READ);
        r.post("/documents", h::upload, Access.UPLOAD);
        r.get("/documents/{id}", h::get, Access.READ);
        r.get("/documents/{id}/download", h::download, Access.READ);
        r.delete("/documents/{id}", h::delete, Access.DELETE);
    }
}
