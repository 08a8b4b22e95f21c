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

    private final long limit;

    BodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + limit / 1024 + " KiB");
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, limit), response);
    }
}
