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
import java.util.Map;
import java.util.Set;

/**
 * kong.yml (Kong 3 DB-less declarative format) parsed and checked the way Kong's schema checks
 * it. Anything this gateway would serve differently from Kong (regex paths, hosts, headers,
 * consumers, ...) is rejected at load time rather than silently ignored.
 */
public final class KongConfig {
    private static final List<String> FORMAT_VERSIONS = List.of("3.0");
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

    /** @throws IllegalArgumentException naming the file and the offending entry when the config is invalid */
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

    /** Plugins declared at the top level: global, or attached to a service/route by name. */
    public List<PluginConfig> plugins() {
        return plugins;
    }

    /** Top-level plugins without a service or route: they apply to every route. */
    List<PluginConfig> globalPlugins() {
        return plugins.stream().filter(p -> p.scope() == PluginConfig.Scope.GLOBAL).toList();
    }

    private static KongConfig fromDocument(Object document, Path source) {
        if (document == null) {
            throw ConfigObject.invalid("document", "is empty");
        }
        ConfigObject root = new ConfigObject("document", document);
        String format = root.string("_format_version", null);
        if (format == null) {
            throw ConfigObject.invalid("_format_version", "is required (\"3.0\")");
        }
        if (!FORMAT_VERSIONS.contains(format)) {
            throw ConfigObject.invalid("_format_version", "must be \"3.0\", not \"" + format + "\"");
        }
        root.ignore("_transform", "_comment", "_info", "_workspace");
        if (root.has("routes")) {
            throw ConfigObject.invalid("routes", "top-level routes are not supported: nest each route under its service");
        }
        List<Service> services = new ArrayList<>();
        List<Object> rawServices = root.list("services");
        for (int i = 0; i < rawServices.size(); i++) {
            Service s = service(rawServices.get(i), "services[" + i + "]");
            if (s != null) {
                services.add(s);
            }
        }
        List<PluginConfig> plugins = new ArrayList<>();
        List<Object> rawPlugins = root.list("plugins");
        for (int i = 0; i < rawPlugins.size(); i++) {
            plugins.add(plugin(rawPlugins.get(i), "plugins[" + i + "]", null, null));
        }
        root.finish();
        checkUnique(services);
        return new KongConfig(source, services, resolveReferences(plugins, services));
    }

    private static Service service(Object raw, String where) {
        ConfigObject s = new ConfigObject(where, raw);
        String name = s.requiredString("name");
        where = "service '" + name + "'";
        s = new ConfigObject(where, raw);
        s.ignore("name", "id", "tags", "retries");
        URI url = serviceUrl(s);
        int connect = (int) s.integer("connect_timeout", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE - 1);
        int read = (int) s.integer("read_timeout", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE - 1);
        int write = (int) s.integer("write_timeout", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE - 1);
        boolean enabled = s.bool("enabled", true);
        List<Route> routes = new ArrayList<>();
        List<Object> rawRoutes = s.list("routes");
        for (int i = 0; i < rawRoutes.size(); i++) {
            routes.add(route(rawRoutes.get(i), name, i));
        }
        List<PluginConfig> plugins = new ArrayList<>();
        List<Object> rawPlugins = s.list("plugins");
        for (int i = 0; i < rawPlugins.size(); i++) {
            plugins.add(plugin(rawPlugins.get(i), where + " plugins[" + i + "]", PluginConfig.Scope.SERVICE, name));
        }
        s.finish();
        checkOnePerName(plugins, where);
        // Kong does not route to a disabled service; it still validates it.
        return enabled ? new Service(name, url, connect, read, write, routes, plugins) : null;
    }

    private static URI serviceUrl(ConfigObject s) {
        String url = s.string("url", null);
        String protocol;
        String host;
        Integer port;
        String path;
        if (url != null) {
            if (s.has("protocol") || s.has("host") || s.has("port") || s.has("path")) {
                throw ConfigObject.invalid(s.where(), "set either url or protocol/host/port/path, not both");
            }
            URI u;
            try {
                u = new URI(url);
            } catch (URISyntaxException e) {
                throw ConfigObject.invalid(s.where() + ".url", "is not a valid URL: " + e.getMessage());
            }
            protocol = u.getScheme();
            host = u.getHost();
            port = u.getPort() < 0 ? null : u.getPort();
            path = u.getRawPath() == null || u.getRawPath().isEmpty() ? null : u.getRawPath();
            if (u.getRawQuery() != null || u.getRawFragment() != null) {
                throw ConfigObject.invalid(s.where() + ".url", "must not have a query or fragment");
            }
        } else {
            protocol = s.string("protocol", "http");
            host = s.string("host", null);
            port = s.has("port") ? (int) s.integer("port", 0, 0, 65535) : null;
            path = s.string("path", null);
        }
        if (!"http".equals(protocol) && !"https".equals(protocol)) {
            throw ConfigObject.invalid(s.where(), "protocol must be http or https, not '" + protocol + "'");
        }
        if (host == null || host.isBlank()) {
            throw ConfigObject.invalid(s.where(), "needs a url (or a host)");
        }
        if (path != null && !path.startsWith("/")) {
            throw ConfigObject.invalid(s.where(), "path must start with /, not '" + path + "'");
        }
        int p = port != null ? port : protocol.equals("https") ? 443 : 80;
        try {
            return new URI(protocol + "://" + host + ":" + p + (path == null ? "" : path));
        } catch (URISyntaxException e) {
            throw ConfigObject.invalid(s.where(), "invalid url: " + e.getMessage());
        }
    }

    private static Route route(Object raw, String serviceName, int index) {
        ConfigObject r = new ConfigObject("service '" + serviceName + "' routes[" + index + "]", raw);
        String name = r.string("name", null);
        if (name == null) {
            name = serviceName + "#" + index;
        }
        String where = "route '" + name + "'";
        r = new ConfigObject(where, raw);
        r.ignore("name", "id", "tags", "regex_priority", "https_redirect_status_code",
                // Kong 3's default router (traditional_compatible) always joins paths the v0 way.
                "path_handling",
                // This gateway always streams; Kong buffers unless these are false. Same bytes either way.
                "request_buffering", "response_buffering");
        for (String unsupported : List.of("hosts", "headers", "snis", "sources", "destinations", "expression", "service")) {
            if (r.has(unsupported)) {
                throw ConfigObject.invalid(where + "." + unsupported, "is not supported by the local gateway");
            }
        }
        List<String> protocols = r.strings("protocols");
        if (protocols != null && !protocols.contains("http")) {
            throw ConfigObject.invalid(where + ".protocols", "must include http: the local gateway serves plain HTTP");
        }
        List<String> paths = r.strings("paths");
        paths = paths == null ? List.of() : paths;
        for (String p : paths) {
            if (p.startsWith("~")) {
                throw ConfigObject.invalid(where + ".paths", "regex paths are not supported by the local gateway: " + p);
            }
            if (!p.startsWith("/")) {
                throw ConfigObject.invalid(where + ".paths", "must start with /, not '" + p + "'");
            }
        }
        List<String> methods = r.strings("methods");
        methods = methods == null ? List.of() : methods;
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw ConfigObject.invalid(where + ".methods", "unknown method '" + m + "' (methods are upper case)");
            }
        }
        if (paths.isEmpty() && methods.isEmpty()) {
            throw ConfigObject.invalid(where, "must have paths or methods");
        }
        boolean strip = r.bool("strip_path", true);
        boolean preserveHost = r.bool("preserve_host", false);
        List<PluginConfig> plugins = new ArrayList<>();
        List<Object> rawPlugins = r.list("plugins");
        for (int i = 0; i < rawPlugins.size(); i++) {
            plugins.add(plugin(rawPlugins.get(i), where + " plugins[" + i + "]", PluginConfig.Scope.ROUTE, name));
        }
        r.finish();
        checkOnePerName(plugins, where);
        return new Route(name, paths, methods, strip, preserveHost, plugins);
    }

    /** {@code scope} is null for a top-level entry, whose scope comes from its service/route reference. */
    private static PluginConfig plugin(Object raw, String where, PluginConfig.Scope scope, String target) {
        ConfigObject p = new ConfigObject(where, raw);
        String name = p.requiredString("name");
        where = where + " (" + name + ")";
        p = new ConfigObject(where, raw);
        p.ignore("name", "id", "tags", "instance_name", "protocols", "ordering");
        if (p.has("consumer") || p.has("consumer_group")) {
            throw ConfigObject.invalid(where, "consumer-scoped plugins are not supported by the local gateway");
        }
        if (scope == null) {
            String service = reference(p, "service");
            String route = reference(p, "route");
            scope = route != null ? PluginConfig.Scope.ROUTE
                    : service != null ? PluginConfig.Scope.SERVICE : PluginConfig.Scope.GLOBAL;
            target = route != null ? route : service;
        }
        Map<String, Object> config = ConfigObject.asMap(where + ".config", p.raw("config"));
        boolean enabled = p.bool("enabled", true);
        p.finish();
        PluginConfig plugin = new PluginConfig(name, config, enabled, where, scope, target);
        // Building the plugin validates its config now, so a bad kong.yml fails at startup.
        Plugins.create(plugin);
        return plugin;
    }

    private static String reference(ConfigObject p, String key) {
        Object v = p.raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        ConfigObject ref = new ConfigObject(p.where() + "." + key, v);
        String name = ref.requiredString("name");
        ref.finish();
        return name;
    }

    private static List<PluginConfig> resolveReferences(List<PluginConfig> plugins, List<Service> services) {
        Set<String> serviceNames = new HashSet<>();
        Set<String> routeNames = new HashSet<>();
        for (Service s : services) {
            serviceNames.add(s.name());
            s.routes().forEach(r -> routeNames.add(r.name()));
        }
        Set<String> seen = new HashSet<>();
        for (Service s : services) {
            s.plugins().forEach(p -> seen.add(p.scope() + "/" + s.name() + "/" + p.name()));
            s.routes().forEach(r -> r.plugins().forEach(p -> seen.add(p.scope() + "/" + r.name() + "/" + p.name())));
        }
        for (PluginConfig p : plugins) {
            if (p.scope() == PluginConfig.Scope.SERVICE && !serviceNames.contains(p.target())) {
                throw ConfigObject.invalid(p.where(), "refers to unknown service '" + p.target() + "'");
            }
            if (p.scope() == PluginConfig.Scope.ROUTE && !routeNames.contains(p.target())) {
                throw ConfigObject.invalid(p.where(), "refers to unknown route '" + p.target() + "'");
            }
            if (!seen.add(p.scope() + "/" + p.target() + "/" + p.name())) {
                throw ConfigObject.invalid(p.where(), "plugin '" + p.name() + "' is configured twice at the same scope");
            }
        }
        return plugins;
    }

    private static void checkOnePerName(List<PluginConfig> plugins, String where) {
        Set<String> names = new HashSet<>();
        for (PluginConfig p : plugins) {
            if (!names.add(p.name())) {
                throw ConfigObject.invalid(where, "plugin '" + p.name() + "' is configured twice");
            }
        }
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
