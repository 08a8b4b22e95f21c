package ru.appealdesk.intake;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import ru.appealdesk.support.FakePortal;
import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An applicant's photo is fetched defensively (issue 22, finding 7): only from listed hosts, never from internal
 * addresses unless allowed, redirects only within the host, a JPEG or PNG by content, and no larger than the limit.
 */
class PhotoDownloadsTest {

    private static final FakePortal portal = new FakePortal();

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static PhotoDownloads downloads(boolean allowPrivate) {
        return downloads(allowPrivate, portal.origin());
    }

    private static PhotoDownloads downloads(boolean allowPrivate, String hosts) {
        Map<String, String> values = new HashMap<>(Map.of("appealdesk.intake.photo-hosts", hosts,
                "appealdesk.intake.photo-max-size", "1KB", "appealdesk.intake.photo-timeout", "5s"));
        values.put("appealdesk.intake.photo-allow-private", Boolean.toString(allowPrivate));
        IntakeProperties properties = Settings.bind("appealdesk.intake", IntakeProperties.class, values);
        return new PhotoDownloads(new PhotoHosts(properties), properties);
    }

    @Test
    void aJpegOrPngOnAListedHostIsFetchedAndARedirectWithinTheHostFollowed() throws Exception {
        PhotoDownloads.Photo jpeg = downloads(true).fetch(portal.serve("/d/1.jpg", FakePortal.JPEG));
        assertThat(jpeg.mimeType()).isEqualTo("image/jpeg");
        assertThat(jpeg.content()).isEqualTo(FakePortal.JPEG);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        portal.serve("/d/2.png", png);
        assertThat(downloads(true).fetch(portal.redirect("/d/moved.png", "/d/2.png")).mimeType())
                .isEqualTo("image/png");
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        portal.serve("/d/elsewhere.jpg", FakePortal.JPEG);
        String link = portal.redirect("/d/r.jpg", "http://localhost:" + portal.port() + "/d/elsewhere.jpg");

        assertThatThrownBy(() -> downloads(true).fetch(link)).isInstanceOf(PhotoDownloads.Refused.class)
                .hasMessage("redirected to another host");
        assertThat(portal.hits("/d/elsewhere.jpg")).isZero();
    }

    @Test
    void aBodyThatIsNoImageIsRefusedWhateverItsType() {
        String link = portal.serve("/d/text.jpg", "<html>not a photo</html>".getBytes());

        assertThatThrownBy(() -> downloads(true).fetch(link)).isInstanceOf(PhotoDownloads.Refused.class)
                .hasMessage("not a JPEG or PNG image");
    }

    @Test
    void anOversizedPhotoIsRefusedByItsLengthOrWhileItIsRead() {
        byte[] big = new byte[1025];
        System.arraycopy(FakePortal.JPEG, 0, big, 0, FakePortal.JPEG.length);
        String declared = portal.serve("/d/big.jpg", big, false);
        String chunked = portal.serve("/d/big-chunked.jpg", big, true);

        for (String link : new String[] {declared, chunked}) {
            assertThatThrownBy(() -> downloads(true).fetch(link)).isInstanceOf(PhotoDownloads.Refused.class)
                    .hasMessage("larger than 1024 bytes");
        }
    }

    @Test
    void aHostThatResolvesToAnInternalAddressIsRefusedBeforeAnythingIsSent() {
        String link = portal.serve("/d/internal.jpg", FakePortal.JPEG);

        assertThatThrownBy(() -> downloads(false).fetch(link)).isInstanceOf(PhotoDownloads.Refused.class)
                .hasMessageContaining("private or internal address");
        // a name is checked by what it resolves to
        String byName = "http://localhost:" + portal.port() + "/d/internal.jpg";
        assertThatThrownBy(() -> downloads(false, "http://localhost:" + portal.port()).fetch(byName))
                .isInstanceOf(PhotoDownloads.Refused.class).hasMessageContaining("private or internal address");
        assertThat(portal.hits("/d/internal.jpg")).isZero();
    }

    @Test
    void internalAddressesAreKnown() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1"}) {
            assertThat(PhotoDownloads.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "77.88.8.8", "2a02:6b8::2:242"}) {
            assertThat(PhotoDownloads.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void unlistedHostsSchemesAndCredentialsAreRefusedAndAServerErrorIsWorthRetrying() {
        for (String link : new String[] {"https://127.0.0.1:" + portal.port() + "/d/1.jpg",
                "http://localhost:" + portal.port() + "/d/1.jpg", "http://u:p@127.0.0.1:" + portal.port() + "/d/1.jpg",
                "ftp://127.0.0.1/d/1.jpg"}) {
            assertThatThrownBy(() -> downloads(true).fetch(link)).as(link)
                    .isInstanceOf(PhotoDownloads.Refused.class);
        }
        assertThatThrownBy(() -> downloads(true).fetch(portal.fail("/d/busy.jpg", 503)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> downloads(true).fetch(portal.fail("/d/gone.jpg", 404)))
                .isInstanceOf(PhotoDownloads.Refused.class).hasMessage("the portal answered HTTP 404");
    }

    @Test
    void hostEntriesAreCheckedAtStartUp() {
        assertThat(Settings.refusal(Map.of("appealdesk.intake.photo-hosts", "pos.example, portal.example/photos")))
                .contains("Property: appealdesk.intake.photoHosts[1]", "Value: \"portal.example/photos\"",
                        "Reason: is not a host name, *.domain or IPv4 address with an optional http:// and :port");
        PhotoHosts hosts = new PhotoHosts(Settings.bind("appealdesk.intake", IntakeProperties.class,
                Map.of("appealdesk.intake.photo-hosts", "*.dobrodel.example, pos.example:8443")));
        assertThat(hosts.refusal("https://img.dobrodel.example/1.jpg")).isEmpty();
        assertThat(hosts.refusal("https://dobrodel.example/1.jpg")).isPresent();
        assertThat(hosts.refusal("http://img.dobrodel.example/1.jpg")).isPresent();
        assertThat(hosts.refusal("https://pos.example:8443/1.jpg")).isEmpty();
        assertThat(hosts.refusal("https://pos.example/1.jpg")).isPresent();
        IntakeProperties defaults = Settings.bind("appealdesk.intake", IntakeProperties.class, Map.of());
        assertThat(defaults.photoHosts()).isEmpty();
        assertThat(defaults.photoAllowPrivate()).isFalse();
        assertThat(defaults.photoMaxSize().toMegabytes()).isEqualTo(10);
        assertThat(new PhotoHosts(defaults).refusal("https://portal.example/1.jpg")).isPresent();
        assertThat(Settings.refusal(Map.of("appealdesk.intake.photo-max-size", "100MB")))
                .contains("appealdesk.intake.photo-max-size must be from 1KB to 50MB");
        assertThat(Settings.reason("appealdesk.intake.photo-timeout", "0s")).isEqualTo("must be from 1s to 5m");
        assertThat(Settings.reason("appealdesk.intake.photo-timeout", "6m")).isEqualTo("must be from 1s to 5m");
    }
}
