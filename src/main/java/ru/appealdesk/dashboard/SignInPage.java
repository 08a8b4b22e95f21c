package ru.appealdesk.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * The page an anonymous visitor of {@code /app/} gets with its 401: how to sign in, and, opened as a Mini App, a
 * script that exchanges Telegram's initData (in the address's fragment, never sent to a server) for a session.
 * Its one inline script and one inline style are allowed by their hashes in the Content-Security-Policy.
 */
final class SignInPage {

    /** The policy of every dashboard page: nothing from other origins, no inline code; Telegram may frame it. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";

    private final byte[] html;
    private final String policy;

    SignInPage() {
        try (InputStream in = new ClassPathResource("dashboard/signin.html").getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.html = text.getBytes(StandardCharsets.UTF_8);
            this.policy = "default-src 'self'; img-src 'self' data:; style-src " + hash(text, "style")
                    + "; script-src " + hash(text, "script") + "; connect-src 'self'; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard/signin.html is missing from the application", e);
        }
    }

    void write(HttpServletResponse response, int status) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(html);
    }

    private static String hash(String html, String element) {
        Matcher m = Pattern.compile("<" + element + "(?:\\s[^>]*)?>(.*?)</" + element + ">", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? cspHash(m.group(1)) : "'none'";
    }

    /** The Content-Security-Policy source that allows exactly this inline script or style. */
    static String cspHash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
