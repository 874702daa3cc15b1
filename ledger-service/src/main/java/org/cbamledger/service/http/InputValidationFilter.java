package org.cbamledger.service.http;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.uri.UriMatchInfo;
import io.micronaut.web.router.RouteAttributes;
import java.util.List;
import java.util.Map;

/**
 * Checks every path variable and query parameter of a routed request against {@link EdgeInput} before anything else
 * runs (authentication included: a syntax error tells nothing about who may see what), so that a malformed value is
 * a 400 naming the parameter and never reaches a store. Requests no route matches are left to the router's 404.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(InputValidationFilter.ORDER)
public final class InputValidationFilter {
    /** Before {@link BearerTokenFilter} and {@link RequestSizeFilter} (default order 0). */
    static final int ORDER = -100;

    // pattern checks only: on the event loop, no hop to a blocking thread
    @RequestFilter
    @NonBlocking
    @Nullable
    public HttpResponse<?> validate(HttpRequest<?> request) {
        if (RouteAttributes.getRouteMatch(request).isEmpty()) {
            return null;
        }
        try {
            if (RouteAttributes.getRouteMatch(request).get() instanceof UriMatchInfo match) {
                for (Map.Entry<String, Object> variable : match.getVariableValues().entrySet()) {
                    EdgeInput.check(variable.getKey(), String.valueOf(variable.getValue()));
                }
            }
            for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
                EdgeInput.check("query parameter name", parameter.getKey());
                for (String value : parameter.getValue()) {
                    EdgeInput.check(parameter.getKey(), value);
                }
            }
            return null;
        } catch (InvalidInputException e) {
            return Problems.of(e);
        }
    }
}
