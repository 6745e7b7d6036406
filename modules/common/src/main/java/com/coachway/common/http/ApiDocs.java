package com.coachway.common.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET /docs: the service's openapi.yaml as a Swagger UI page, with Swagger UI's files served
 * from its webjar on the classpath (no CDN) at /docs/&lt;file&gt;.
 *
 * <p>Every url in the page is relative, because the gateway serves the service under a prefix
 * it strips (/api/v1/charters/docs reaches the service as /docs): from .../docs, "docs/x"
 * resolves to .../docs/x and "openapi.yaml" to .../openapi.yaml, whatever the prefix. From
 * .../docs/ (Javalin serves it the same page) the base is one level deeper, so the page says so.
 */
final class ApiDocs {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String VERSION = webjarVersion();
    /** The only files served: what the page uses. */
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    // A few MB shared by every service in the JVM, read once: the files never change while it runs.
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private final String title;

    ApiDocs(String serviceName) {
        this.title = escape(serviceName) + " API";
    }

    void page(Context ctx) {
        boolean slash = ctx.path().endsWith("/");
        String assets = slash ? "" : "docs/";
        String spec = slash ? "../openapi.yaml" : "openapi.yaml";
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s</title>
                  <link rel="stylesheet" href="%2$sswagger-ui.css">
                  <link rel="icon" type="image/png" href="%2$sfavicon-32x32.png" sizes="32x32">
                  <link rel="icon" type="image/png" href="%2$sfavicon-16x16.png" sizes="16x16">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%2$sswagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: "%3$s",
                      dom_id: "#swagger-ui",
                      deepLinking: true,
                      validatorUrl: null,
                      presets: [SwaggerUIBundle.presets.apis],
                      layout: "BaseLayout"
                    });
                  </script>
                </body>
                </html>
                """.formatted(title, assets, spec));
    }

    void file(Context ctx) {
        String name = ctx.pathParam("file");
        String type = FILES.get(name);
        byte[] bytes = type == null ? null : CACHE.computeIfAbsent(name, ApiDocs::read);
        if (bytes == null) throw ApiException.notFound("/docs/" + name);
        ctx.header("Cache-Control", "public, max-age=3600").contentType(type).result(bytes);
    }

    private static byte[] read(String name) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR + VERSION + "/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's own record of its version, so a version bump in the pom needs no code change. */
    private static String webjarVersion() {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
            var p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
