package ru.appealdesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.stereotype.Component;

import ru.appealdesk.workflow.FileTypes;

/**
 * Fetches an applicant's photo from a portal, defensively (SSRF): only links {@link PhotoHosts} takes, no proxy, a
 * host that resolves to a loopback, private, link-local or otherwise internal address is refused before anything is
 * sent (the addresses checked are the ones connected to; an IP address in the link likewise), redirects only to the same scheme, host and port (at
 * most {@value #MAX_REDIRECTS}), one overall deadline, at most {@code photo-max-size} bytes, and the body must be a
 * JPEG or PNG by its first bytes whatever its {@code Content-Type} says.
 */
@Component
class PhotoDownloads {

    static final int MAX_REDIRECTS = 3;

    /** The photo as fetched and recognised. */
    record Photo(String mimeType, byte[] content) {
    }

    /** The link will not give a photo however often it is tried (refused, not found, not an image, too large). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Thrown by the resolver: the host resolves to an address the service does not connect to. */
    private static final class InternalAddress extends UnknownHostException {
        InternalAddress() {
            super("the host resolves to a loopback, private or internal address");
        }
    }

    private final PhotoHosts hosts;
    private final OkHttpClient http;
    private final long maxBytes;
    private final Duration timeout;
    private final boolean allowPrivate;

    PhotoDownloads(PhotoHosts hosts, IntakeProperties properties) {
        this.hosts = hosts;
        this.maxBytes = properties.photoMaxSize().toBytes();
        this.timeout = properties.photoTimeout();
        this.allowPrivate = properties.photoAllowPrivate();
        Dns dns = host -> {
            List<InetAddress> addresses = Dns.SYSTEM.lookup(host);
            if (!allowPrivate && addresses.stream().anyMatch(PhotoDownloads::internal)) {
                throw new InternalAddress();
            }
            return addresses;
        };
        // no idle connections kept: a portal that closed a kept-alive connection would fail the next fetch with
        // "unexpected end of stream", and photos are too rare for a pool to matter
        this.http = new OkHttpClient.Builder().dns(dns).proxy(Proxy.NO_PROXY).followRedirects(false)
                .followSslRedirects(false).retryOnConnectionFailure(false)
                .connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS))
                .connectTimeout(timeout).readTimeout(timeout).build();
    }

    /**
     * The photo behind the link; {@link Refused} when it will never give one, {@link IOException} when it may
     * later (network, timeouts, the portal's 5xx).
     */
    Photo fetch(String link) throws Refused, IOException {
        Optional<String> refusal = hosts.refusal(link);
        if (refusal.isPresent()) {
            throw new Refused("the link " + refusal.get());
        }
        HttpUrl first = HttpUrl.get(link.strip());
        HttpUrl url = first;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            // OkHttp connects to an IP address in the link without asking the resolver: checked here
            if (!allowPrivate && ipLiteral(url.host()) && internal(InetAddress.getByName(url.host()))) {
                throw new Refused(new InternalAddress().getMessage());
            }
            Call call = http.newCall(new Request.Builder().url(url).header("Accept", "image/jpeg, image/png").build());
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                if (response.isRedirect()) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : url.resolve(location);
                    if (next == null || !PhotoHosts.sameOrigin(first, next)) {
                        throw new Refused("redirected to another host");
                    }
                    url = next;
                    continue;
                }
                return photo(response);
            } catch (InternalAddress e) {
                throw new Refused(e.getMessage());
            }
        }
        throw new Refused("more than " + MAX_REDIRECTS + " redirects");
    }

    private Photo photo(Response response) throws Refused, IOException {
        int code = response.code();
        if (code == 408 || code == 429 || code >= 500) {
            throw new IOException("the portal answered HTTP " + code);
        }
        if (code != 200 || response.body() == null) {
            throw new Refused("the portal answered HTTP " + code);
        }
        if (response.body().contentLength() > maxBytes) {
            throw new Refused("larger than " + maxBytes + " bytes");
        }
        byte[] content;
        try (InputStream in = response.body().byteStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (content.length > maxBytes) {
            throw new Refused("larger than " + maxBytes + " bytes");
        }
        String type = FileTypes.sniff(content).filter(t -> t.equals(FileTypes.JPEG) || t.equals(FileTypes.PNG))
                .orElseThrow(() -> new Refused("not a JPEG or PNG image"));
        return new Photo(type, content);
    }

    private static boolean ipLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** Loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified or reserved. */
    static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || first >= 240 || first == 100 && (second & 0xC0) == 64
                    || first == 198 && (second == 18 || second == 19) || first == 192 && second == 0 && b[2] == 0;
        }
        return (b[0] & 0xFE) == 0xFC || (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0x0D
                && (b[3] & 0xFF) == 0xB8 || b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
    }
}
