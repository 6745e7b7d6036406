package com.coachway.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * kong.yml (Kong 3 DB-less declarative format), reduced to what our kong.yml uses: services with
 * an http url and timeouts, routes with plain path prefixes, optional methods and strip_path
 * true, global plugins and route plugins. Every other field, value or plugin is refused at load
 * with its name, so the stand-in can never silently serve a kong.yml differently from Kong: a new
 * need is a kong.yml line first, then the least code that serves it.
 */
public final class KongConfig {
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    private static final int DEFAULT_TIMEOUT_MS = 60_000;
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path source;
    private final List<Service> services;
    private final List<PluginConfig> plugins;

    private KongConfig(Path source, List<Service> services, List<PluginConfig> plugins) {
        this.source = source;
        this.services = List.copyOf(services);
        this.plugins = List.copyOf(plugins);
    }

    /** @throws IllegalArgumentException naming the file and the offending entry when the config is invalid or unsupported */
    public static KongConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("kong config " + file + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException("kong config " + file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file);
    }

    static KongConfig parse(String yaml, Path source) {
        Object document;
        try {
            rejectAliases(yaml);
            document = YAML.readValue(yaml, Object.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kong config " + source + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("kong config " + source + ": invalid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("kong config " + source + ": cannot read: " + e.getMessage());
        }
        try {
            return fromDocument(document, source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kong config " + source + ": " + e.getMessage(), e);
        }
    }

    /** Jackson would read an alias (*name) as the plain string "name": refuse rather than misread. */
    private static void rejectAliases(String yaml) throws IOException {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw new IllegalArgumentException("YAML aliases (*" + parser.getText() + ") are not supported, line "
                            + parser.currentLocation().getLineNr() + ": repeat the value instead");
                }
            }
        }
    }

    public Path source() {
        return source;
    }

    public List<Service> services() {
        return services;
    }

    /** The top-level plugins: they apply to every route that has no plugin of the same name. */
    public List<PluginConfig> plugins() {
        return plugins;
    }

    private static KongConfig fromDocument(Object document, Path source) {
        if (document == null) {
            throw ConfigObject.invalid("document", "is empty");
        }
        ConfigObject root = new ConfigObject("document", document);
        String format = root.string("_format_version");
        if (format == null) {
            throw ConfigObject.invalid("_format_version", "is required (\"3.0\")");
        }
        if (!format.equals("3.0")) {
            throw ConfigObject.invalid("_format_version", "must be \"3.0\", not \"" + format + "\"");
        }
        // _transform: true is Kong's default (hash credentials on import); there are none here.
        root.requireIfPresent("_transform", true);
        List<Service> services = new ArrayList<>();
        List<Object> rawServices = root.list("services");
        for (int i = 0; i < rawServices.size(); i++) {
            services.add(service(rawServices.get(i), "services[" + i + "]"));
        }
        List<PluginConfig> plugins = plugins(root, "");
        root.finish();
        checkUnique(services);
        return new KongConfig(source, services, plugins);
    }

    private static Service service(Object raw, String where) {
        String name = new ConfigObject(where, raw).requiredString("name");
        ConfigObject s = new ConfigObject("service '" + name + "'", raw);
        s.requiredString("name");
        URI url = serviceUrl(s);
        int connect = (int) s.integer("connect_timeout", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE - 1);
        int read = (int) s.integer("read_timeout", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE - 1);
        int write = (int) s.integer("write_timeout", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE - 1);
        List<Route> routes = new ArrayList<>();
        List<Object> rawRoutes = s.list("routes");
        for (int i = 0; i < rawRoutes.size(); i++) {
            routes.add(route(rawRoutes.get(i), "service '" + name + "' routes[" + i + "]"));
        }
        s.finish();
        return new Service(name, url, connect, read, write, routes);
    }

    private static URI serviceUrl(ConfigObject s) {
        String where = s.where() + ".url";
        String url = s.string("url");
        if (url == null) {
            throw ConfigObject.invalid(where, "is required (protocol/host/port/path fields are not supported)");
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw ConfigObject.invalid(where, "is not a valid URL: " + e.getMessage());
        }
        if (!"http".equals(u.getScheme())) {
            throw ConfigObject.invalid(where, "must be an http:// URL, not '" + url + "'");
        }
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw ConfigObject.invalid(where, "must be http://host[:port][/path], not '" + url + "'");
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.endsWith("/") && !path.equals("/")) {
            throw ConfigObject.invalid(where, "a service path ending in / is not supported: '" + path + "'");
        }
        int port = u.getPort() < 0 ? 80 : u.getPort();
        return URI.create("http://" + u.getHost() + ":" + port + (path.equals("/") ? "" : path));
    }

    private static Route route(Object raw, String where) {
        String name = new ConfigObject(where, raw).requiredString("name");
        ConfigObject r = new ConfigObject("route '" + name + "'", raw);
        r.requiredString("name");
        List<String> paths = r.strings("paths");
        if (paths == null || paths.isEmpty()) {
            throw ConfigObject.invalid(r.where() + ".paths", "is required");
        }
        for (String p : paths) {
            if (p.startsWith("~")) {
                throw ConfigObject.invalid(r.where() + ".paths", "regex paths are not supported by the local gateway: " + p);
            }
            if (!p.startsWith("/")) {
                throw ConfigObject.invalid(r.where() + ".paths", "must start with /, not '" + p + "'");
            }
        }
        List<String> methods = r.strings("methods");
        methods = methods == null ? List.of() : methods;
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw ConfigObject.invalid(r.where() + ".methods", "unknown method '" + m + "' (methods are upper case)");
            }
        }
        r.requireIfPresent("strip_path", true);
        List<PluginConfig> plugins = plugins(r, r.where() + " ");
        r.finish();
        return new Route(name, paths, methods, plugins);
    }

    /** The {@code plugins} list of the document or a route; each is built once now so a bad config fails at load. */
    private static List<PluginConfig> plugins(ConfigObject owner, String prefix) {
        List<PluginConfig> plugins = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Object> raw = owner.list("plugins");
        for (int i = 0; i < raw.size(); i++) {
            String where = prefix + "plugins[" + i + "]";
            String name = new ConfigObject(where, raw.get(i)).requiredString("name");
            where = where + " (" + name + ")";
            ConfigObject p = new ConfigObject(where, raw.get(i));
            p.requiredString("name");
            PluginConfig plugin = new PluginConfig(name, ConfigObject.asMap(where + ".config", p.raw("config")), where);
            p.finish();
            if (!names.add(name)) {
                throw ConfigObject.invalid(where, "plugin '" + name + "' is configured twice");
            }
            Plugins.create(plugin, System::currentTimeMillis);
            plugins.add(plugin);
        }
        return plugins;
    }

    private static void checkUnique(List<Service> services) {
        Set<String> serviceNames = new HashSet<>();
        Set<String> routeNames = new HashSet<>();
        for (Service s : services) {
            if (!serviceNames.add(s.name())) {
                throw ConfigObject.invalid("service '" + s.name() + "'", "name is used twice");
            }
            for (Route r : s.routes()) {
                if (!routeNames.add(r.name())) {
                    throw ConfigObject.invalid("route '" + r.name() + "'", "name is used twice");
                }
            }
        }
    }
}
