package com.coachway.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kong 3's route selection (router_flavor traditional_compatible, see kong/router/transform.lua
 * get_priority): each route path is a plain string-prefix match (not segment-aware: /api/v1/auth
 * also matches /api/v1/authx). A route with methods beats a path-only route even when its path is
 * shorter; then the longer path wins; ties keep kong.yml order.
 */
final class Router {
    /** A route matched for a request, with the upstream path Kong would send. */
    record Match(Service service, Route route, String matchedPath, String upstreamPath) {
    }

    private record Candidate(Service service, Route route, String path, int order) {
        boolean matches(String method, String normalizedPath) {
            return (route.methods().isEmpty() || route.methods().contains(method)) && normalizedPath.startsWith(path);
        }

        int weight() {
            return route.methods().isEmpty() ? 1 : 2;
        }
    }

    private final List<Candidate> candidates;

    Router(List<Service> services) {
        List<Candidate> all = new ArrayList<>();
        for (Service service : services) {
            for (Route route : service.routes()) {
                for (String path : route.paths()) {
                    all.add(new Candidate(service, route, path, all.size()));
                }
            }
        }
        all.sort(Comparator.comparingInt((Candidate c) -> -c.weight())
                .thenComparingInt(c -> -c.path().length())
                .thenComparingInt(Candidate::order));
        this.candidates = List.copyOf(all);
    }

    /** @return the match, or null when no route matches (Kong answers 404) */
    Match match(String method, String rawPath) {
        String path = UpstreamPath.normalize(rawPath);
        for (Candidate c : candidates) {
            if (c.matches(method, path)) {
                return new Match(c.service(), c.route(), c.path(), UpstreamPath.join(path, c.path(), c.service().path()));
            }
        }
        return null;
    }
}
