package com.coachway.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kong 3's route selection (router_flavor traditional_compatible, see kong/router/transform.lua
 * get_priority): each route path is a plain string-prefix match (not segment-aware: /api/v1/auth
 * also matches /api/v1/authx). Candidates are ordered by how many kinds of condition the route has
 * (methods + paths here), then by path length, so a route with methods beats a path-only route
 * even when its path is shorter; ties keep kong.yml order.
 */
final class Router {
    /** A route matched for a request, with the upstream path Kong would send. */
    record Match(Service service, Route route, String matchedPath, String upstreamPath) {
    }

    private record Candidate(Service service, Route route, String path, int weight, int order) {
        boolean matches(String method, String normalizedPath) {
            return (route.methods().isEmpty() || route.methods().contains(method))
                    && (path == null || normalizedPath.startsWith(path));
        }
    }

    private final List<Candidate> candidates;

    Router(List<Service> services) {
        List<Candidate> all = new ArrayList<>();
        for (Service service : services) {
            for (Route route : service.routes()) {
                int weight = (route.methods().isEmpty() ? 0 : 1) + (route.paths().isEmpty() ? 0 : 1);
                if (route.paths().isEmpty()) {
                    all.add(new Candidate(service, route, null, weight, all.size()));
                }
                for (String path : route.paths()) {
                    all.add(new Candidate(service, route, path, weight, all.size()));
                }
            }
        }
        all.sort(Comparator.comparingInt((Candidate c) -> -c.weight())
                .thenComparingInt(c -> c.path() == null ? 0 : -c.path().length())
                .thenComparingInt(Candidate::order));
        this.candidates = List.copyOf(all);
    }

    /** @return the match, or null when no route matches (Kong answers 404) */
    Match match(String method, String rawPath) {
        String path = UpstreamPath.normalize(rawPath);
        for (Candidate c : candidates) {
            if (c.matches(method, path)) {
                String prefix = c.route().stripPath() && c.path() != null ? c.path() : "/";
                String upstream = UpstreamPath.join(path, prefix, c.route().stripPath(), c.service().path());
                return new Match(c.service(), c.route(), c.path(), upstream);
            }
        }
        return null;
    }
}
