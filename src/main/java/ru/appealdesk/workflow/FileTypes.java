package ru.appealdesk.workflow;

import java.util.Optional;

/**
 * What a file really is, from its first bytes (its "magic number"), whatever its name or declared type says:
 * the formats an answer may carry (seed 001 §4.6: JPG, PNG, TIFF; PDF documents; seed 004 п.19–20: MP4 and MOV
 * videos); an applicant's photo fetched from a portal must be a JPEG or PNG.
 */
public final class FileTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String TIFF = "image/tiff";
    public static final String PDF = "application/pdf";
    public static final String MP4 = "video/mp4";
    public static final String MOV = "video/quicktime";
    /** ISO media brands of MP4 video (not HEIC/AVIF images, not M4A audio, which share the box format). */
    private static final java.util.Set<String> MP4_BRANDS = java.util.Set.of("isom", "iso2", "iso3", "iso4", "iso5",
            "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV");
    /** QuickTime atoms an old MOV file may begin with when it has no {@code ftyp} box. */
    private static final java.util.List<String> MOV_ATOMS = java.util.List.of("moov", "mdat", "wide", "free", "skip");

    private FileTypes() {
    }

    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 'I', 'I', 0x2A, 0x00) || startsWith(content, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        String box = ascii(content, 4, 8);
        if (box.equals("ftyp")) {
            String brand = ascii(content, 8, 12);
            return brand.equals("qt  ") ? Optional.of(MOV) : MP4_BRANDS.contains(brand) ? Optional.of(MP4)
                    : Optional.empty();
        }
        return MOV_ATOMS.contains(box) && atomFollows(content) ? Optional.of(MOV) : Optional.empty();
    }

    /** An atom-led MOV: the first atom's size is plausible and another known atom starts right after it. */
    private static boolean atomFollows(byte[] content) {
        long size = ((content[0] & 0xFFL) << 24) | ((content[1] & 0xFFL) << 16) | ((content[2] & 0xFFL) << 8)
                | (content[3] & 0xFFL);
        if (size < 8 || size + 8 > content.length) {
            return false;
        }
        String next = ascii(content, (int) size + 4, (int) size + 8);
        return MOV_ATOMS.contains(next) || next.equals("ftyp");
    }

    public static boolean isVideo(String mime) {
        return MP4.equals(mime) || MOV.equals(mime);
    }

    private static String ascii(byte[] content, int from, int to) {
        return content.length < to ? "" : new String(content, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static boolean isImage(String mime) {
        return JPEG.equals(mime) || PNG.equals(mime) || TIFF.equals(mime);
    }

    /** The usual file name extension of a type. */
    public static String extension(String mime) {
        return switch (mime) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case TIFF -> ".tif";
            case MP4 -> ".mp4";
            case MOV -> ".mov";
            default -> ".pdf";
        };
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
