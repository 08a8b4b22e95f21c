package ru.appealdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Videos are told by their boxes: MP4 and MOV brands, not HEIC photos or M4A audio that share the format. */
class FileTypesTest {

    @Test
    void mp4AndMovAreVideos() {
        assertThat(FileTypes.sniff(ftyp("isom"))).contains(FileTypes.MP4);
        assertThat(FileTypes.sniff(ftyp("mp42"))).contains(FileTypes.MP4);
        assertThat(FileTypes.sniff(ftyp("qt  "))).contains(FileTypes.MOV);
        assertThat(FileTypes.isVideo(FileTypes.MOV)).isTrue();
        assertThat(FileTypes.extension(FileTypes.MOV)).isEqualTo(".mov");
    }

    @Test
    void anOldMovStartsWithAnAtomFollowedByAnother() {
        byte[] mov = new byte[24];
        put(mov, 0, 8, "wide");
        put(mov, 8, 16, "mdat");
        assertThat(FileTypes.sniff(mov)).contains(FileTypes.MOV);
    }

    @Test
    void imagesAndAudioInTheSameBoxesAreNotVideos() {
        assertThat(FileTypes.sniff(ftyp("heic"))).isEmpty();
        assertThat(FileTypes.sniff(ftyp("mif1"))).isEmpty();
        assertThat(FileTypes.sniff(ftyp("avif"))).isEmpty();
        assertThat(FileTypes.sniff(ftyp("M4A "))).isEmpty();
        byte[] text = "....free text that happens to say free".getBytes(StandardCharsets.US_ASCII);
        assertThat(FileTypes.sniff(text)).isEmpty();
        assertThat(FileTypes.sniff(new byte[] {0, 0, 0})).isEqualTo(Optional.empty());
    }

    private static byte[] ftyp(String brand) {
        byte[] box = new byte[24];
        put(box, 0, 24, "ftyp");
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        return box;
    }

    /** An atom of {@code size} bytes at {@code at} named {@code type}. */
    private static void put(byte[] into, int at, int size, String type) {
        into[at] = (byte) (size >>> 24);
        into[at + 1] = (byte) (size >>> 16);
        into[at + 2] = (byte) (size >>> 8);
        into[at + 3] = (byte) size;
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, into, at + 4, 4);
    }
}
