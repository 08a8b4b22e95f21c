package ru.appealdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The trusted proxies as the regular expression Tomcat's {@code RemoteIpValve} matches addresses with: an IPv4
 * address or range ({@code 10.0.0.0/8}, {@code 172.16.0.0/12}) becomes its octets, each range octet spelt out; an
 * IPv6 address matches both as Java writes it ({@code 0:0:0:0:0:0:0:1}) and as proxies do ({@code ::1}).
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]+(:\\d{1,3}(\\.\\d{1,3}){3})?");

    private TrustedProxies() {
    }

    /** Validates one entry of {@link ProxyAddress}: refused with the explanation {@link #pattern} gives. */
    static final class EntryCheck implements ConstraintValidator<ProxyAddress, String> {

        @Override
        public boolean isValid(String entry, ConstraintValidatorContext context) {
            try {
                pattern(List.of(entry));
                return true;
            } catch (IllegalArgumentException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replaceAll("([{}$\\\\])", "\\\\$1"))
                        .addConstraintViolation();
                return false;
            }
        }
    }

    /** The expression matching exactly the listed addresses; none listed: an expression that matches nothing. */
    static String pattern(List<String> proxies) {
        if (proxies.isEmpty()) {
            return "(?!)";
        }
        return proxies.stream().map(TrustedProxies::entry).collect(Collectors.joining("|"));
    }

    private static String entry(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || parts.length == 2 && !parts[1].matches("\\d{1,3}")) {
            throw invalid(text);
        }
        if (IPV4.matcher(parts[0]).matches()) {
            return ipv4(text, parts[0], parts.length == 2 ? Integer.parseInt(parts[1]) : 32);
        }
        if (parts.length == 1 && parts[0].contains(":") && IPV6.matcher(parts[0]).matches()) {
            return ipv6(text);
        }
        if (parts.length == 2 && parts[0].contains(":")) {
            throw new IllegalArgumentException("appealdesk.web.trusted-proxies: IPv6 ranges are not supported ('"
                    + text + "'); list the proxies' IPv6 addresses");
        }
        throw invalid(text);
    }

    private static String ipv4(String text, String address, int prefix) {
        String[] octets = address.split("\\.");
        int value = 0;
        for (String octet : octets) {
            int o = Integer.parseInt(octet);
            if (o > 255) {
                throw invalid(text);
            }
            value = value << 8 | o;
        }
        if (prefix > 32 || prefix < 32 && (value & (int) (0xFFFFFFFFL >>> prefix)) != 0) {
            throw new IllegalArgumentException("appealdesk.web.trusted-proxies: '" + text + "' is not a range (the "
                    + "prefix must be 0-32 and the address bits past it zero, e.g. 10.0.0.0/8)");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int fixed = Math.max(0, Math.min(8, prefix - 8 * i));
            int first = value >>> 24 - 8 * i & 0xFF;
            parts.add(fixed == 0 ? "\\d{1,3}" : IntStream.range(first, first + (1 << 8 - fixed))
                    .mapToObj(Integer::toString).collect(Collectors.joining("|", "(?:", ")")));
        }
        return String.join("\\.", parts);
    }

    private static String ipv6(String text) {
        byte[] bytes;
        try {
            // a literal (checked above to be only hex digits, colons and dots): no name is looked up
            bytes = java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw invalid(text);
        }
        if (bytes.length != 16) {
            throw invalid(text);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        String full = IntStream.of(groups).mapToObj(Integer::toHexString).collect(Collectors.joining(":"));
        return "(?i:" + Pattern.quote(full) + "|" + Pattern.quote(compressed(groups)) + ")";
    }

    /** RFC 5952: the longest run of two or more zero groups (the first of equals) becomes {@code ::}. */
    static String compressed(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        if (bestStart < 0) {
            return IntStream.of(groups).mapToObj(Integer::toHexString).collect(Collectors.joining(":"));
        }
        String head = IntStream.of(groups).limit(bestStart).mapToObj(Integer::toHexString)
                .collect(Collectors.joining(":"));
        String tail = IntStream.of(groups).skip(bestStart + bestLength).mapToObj(Integer::toHexString)
                .collect(Collectors.joining(":"));
        return head + "::" + tail;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("appealdesk.web.trusted-proxies: '" + text + "' is neither an IP address "
                + "nor an IPv4 range in CIDR notation (e.g. 127.0.0.1, ::1, 10.0.0.0/8)");
    }
}
