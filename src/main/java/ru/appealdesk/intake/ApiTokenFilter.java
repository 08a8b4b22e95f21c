package ru.appealdesk.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api}: a request needs {@code Authorization: Bearer <APPEALDESK_API_TOKEN>} (compared in
 * constant time) and a body of at most {@link #MAX_BODY_BYTES}. Without a configured token everything is refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiTokenFilter extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 256 * 1024;

    private final byte[] token;

    ApiTokenFilter(@Value("${appealdesk.api-token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Guards {@code /api/**} and every actuator endpoint except health. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean actuator = path.startsWith("/actuator") && !path.equals("/actuator/health")
                && !path.startsWith("/actuator/health/");
        return !(api || actuator);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.length == 0) {
            problem(response, HttpStatus.UNAUTHORIZED, "The API is closed: APPEALDESK_API_TOKEN is not configured");
            return;
        }
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, presented)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(response, HttpStatus.UNAUTHORIZED, "A valid 'Authorization: Bearer <token>' header is required");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, MAX_BODY_BYTES), response);
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
