package ru.appealdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body announced larger than the limit with 413 and stops reading one (also chunked) that grows past it;
 * runs after authentication, so strangers learn nothing from it.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    /** The one path that takes files: a portal's export to import (PRODUCT.md §11). */
    static final String IMPORT_PATH = "/api/appeals/import";

    private final long defaultLimit;
    private final long importLimit;

    BodyLimitFilter(long limit, long importLimit) {
        this.defaultLimit = limit;
        this.importLimit = importLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = IMPORT_PATH.equals(request.getRequestURI()) ? importLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + limit / 1024 + " KiB");
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, limit), response);
    }
}
