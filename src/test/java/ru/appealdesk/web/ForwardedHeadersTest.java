package ru.appealdesk.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only from {@code appealdesk.web.trusted-proxies}: a
 * real Tomcat configured as the service configures it, asked what the request's address and scheme became.
 */
class ForwardedHeadersTest {

    @Test
    void byDefaultNoForwardedHeaderIsBelieved() throws Exception {
        assertThat(seen(List.of())).isEqualTo("127.0.0.1 http false");
    }

    @Test
    void aProxyThatIsNotListedIsNotBelievedEvenOnAPrivateAddress() throws Exception {
        assertThat(seen(List.of("10.0.0.0/8", "192.168.1.7", "::2"))).isEqualTo("127.0.0.1 http false");
    }

    @Test
    void aListedProxyIsBelievedAndTheClientIsTheRightMostUntrustedAddress() throws Exception {
        assertThat(seen(List.of("127.0.0.1"))).isEqualTo("1.2.3.4 https true");
        assertThat(seen(List.of("127.0.0.0/8"), "6.6.6.6, 1.2.3.4")).isEqualTo("1.2.3.4 https true");
        // a client's own X-Forwarded-For (6.6.6.6) before a trusted second proxy is not taken for the client
        assertThat(seen(List.of("127.0.0.1", "10.0.0.0/8"), "6.6.6.6, 1.2.3.4, 10.1.2.3"))
                .isEqualTo("1.2.3.4 https true");
    }

    @Test
    void addressesAndRangesBecomeExactExpressions() {
        Pattern ranges = Pattern.compile(TrustedProxies.pattern(List.of("172.16.0.0/12", "10.0.0.1", "::1",
                "2001:db8:0:0:1:0:0:1")));
        assertThat(ranges.matcher("172.16.0.1").matches()).isTrue();
        assertThat(ranges.matcher("172.31.255.255").matches()).isTrue();
        assertThat(ranges.matcher("172.32.0.1").matches()).isFalse();
        assertThat(ranges.matcher("172.15.0.1").matches()).isFalse();
        assertThat(ranges.matcher("10.0.0.1").matches()).isTrue();
        assertThat(ranges.matcher("10.0.0.10").matches()).isFalse();
        assertThat(ranges.matcher("110.0.0.1").matches()).isFalse();
        assertThat(ranges.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(ranges.matcher("::1").matches()).isTrue();
        assertThat(ranges.matcher("2001:db8::1:0:0:1").matches()).isTrue();
        assertThat(ranges.matcher("2001:db8:0:0:1:0:0:1").matches()).isTrue();
        assertThat(ranges.matcher("::2").matches()).isFalse();
        assertThat(Pattern.compile(TrustedProxies.pattern(List.of())).matcher("127.0.0.1").matches()).isFalse();
    }

    @Test
    void aMalformedEntryStopsTheStartUpNamingIt() {
        for (String wrong : List.of("proxy.local", "10.0.0.1/8", "10.0.0.0/33", "300.0.0.1", "fd00::/8", "1.2.3")) {
            assertThat(Settings.refusal(Map.of("appealdesk.web.trusted-proxies", "127.0.0.1," + wrong)))
                    .contains("Property: appealdesk.web.trustedProxies[1]", "Value: \"" + wrong + "\"",
                            "Reason: appealdesk.web.trusted-proxies: ", "'" + wrong + "'");
        }
    }

    @Test
    void springBootsOwnValveMustStayOff() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.addEngineValves(new org.apache.catalina.valves.RemoteIpValve());
        assertThatThrownBy(() -> new ForwardedHeaders(proxies(List.of())).customize(factory))
                .hasMessageContaining("server.forward-headers-strategy must be none");
    }

    private static WebProperties proxies(List<String> trusted) {
        return Settings.bind("appealdesk.web", WebProperties.class, Map.of("appealdesk.web.trusted-proxies",
                String.join(",", trusted)));
    }

    private static String seen(List<String> trusted) throws Exception {
        return seen(trusted, "1.2.3.4");
    }

    /** What a servlet behind the configured Tomcat sees of a request from 127.0.0.1 with forwarded headers. */
    private static String seen(List<String> trusted, String forwardedFor) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new ForwardedHeaders(proxies(trusted)).customize(factory);
        WebServer server = factory.getWebServer(context -> context.addServlet("echo", new Echo()).addMapping("/"));
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getPort() + "/")).header("X-Forwarded-For", forwardedFor)
                    .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } finally {
            server.stop();
        }
    }

    /** Writes the address, scheme and security the request has after the valves. */
    private static final class Echo extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(request.getRemoteAddr() + " " + request.getScheme() + " " + request.isSecure());
        }
    }
}
