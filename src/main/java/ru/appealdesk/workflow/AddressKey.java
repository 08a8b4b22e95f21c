package ru.appealdesk.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The normalised street and address of an appeal's free-text address, for finding a surge (002 п.11, 004 п.25):
 * case, «ё», punctuation and spaces do not matter, the street type «ул.»/«улица» is dropped wherever it stands (other
 * types are kept in one short form, so «пер. Ленина» is not «ул. Ленина»), «д.»/«дом» before the house number is
 * dropped, a settlement part («г. Руза», «пос. …») and the flat («кв. 3») are left out. {@code street} is null when
 * no street name is found; {@code address} (street and house) is null without a house number.
 */
record AddressKey(String street, String address) {

    private static final Set<String> STREET = set(Words.STREET);
    private static final Map<String, String> OTHER_TYPES = map(Words.OTHER_TYPES);
    private static final Set<String> HOUSE = set(Words.HOUSE);
    private static final Set<String> SETTLEMENT = set(Words.SETTLEMENT);
    private static final Set<String> FLAT = set(Words.FLAT);
    private static final Map<String, String> BUILDING = map(Words.BUILDING);
    private static final Set<String> AMBIGUOUS = set(Words.AMBIGUOUS);

    /** The words of addresses, in the catalog (area {@code address}): lists, or {@code word=short} pairs. */
    enum Words implements ru.appealdesk.text.Text {
        STREET, OTHER_TYPES, HOUSE, SETTLEMENT, FLAT, BUILDING, AMBIGUOUS;

        @Override
        public String area() {
            return "address";
        }
    }

    /** The key of a free-text address (null or blank: both parts null). */
    static AddressKey of(String address) {
        if (address == null || address.isBlank()) {
            return new AddressKey(null, null);
        }
        String text = address.toLowerCase(Locale.ROOT).replace('\u0451', '\u0435');
        List<String> name = new ArrayList<>();
        String type = null;
        StringBuilder house = new StringBuilder();
        for (String part : text.split("[,;]")) {
            List<String> words = words(part);
            if (words.isEmpty() || isSettlement(words)) {
                continue;
            }
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (FLAT.contains(w)) {
                    break;
                }
                if (STREET.contains(w) || HOUSE.contains(w) && next(words, i).matches("\\d.*")) {
                    continue;
                }
                if (OTHER_TYPES.containsKey(w)) {
                    type = OTHER_TYPES.get(w);
                } else if (Character.isDigit(w.charAt(0)) && !name.isEmpty() && house.isEmpty()) {
                    house.append(w);
                } else if (!house.isEmpty() && BUILDING.containsKey(w) && next(words, i).matches("\\d+")) {
                    house.append(BUILDING.get(w)).append(words.get(++i));
                } else if (!house.isEmpty() && w.length() == 1 && Character.isLetter(w.charAt(0))) {
                    house.append(w);
                } else if (house.isEmpty()) {
                    name.add(w);
                }
            }
        }
        if (name.isEmpty()) {
            return new AddressKey(null, null);
        }
        String street = String.join(" ", name) + (type == null ? "" : " " + type);
        return new AddressKey(street, house.isEmpty() ? null : street + ", " + house);
    }

    /** The key the rule compares: the street, or the whole address. */
    String by(ru.appealdesk.directory.Surge.Same same) {
        return same == ru.appealdesk.directory.Surge.Same.STREET ? street : address;
    }

    private static List<String> words(String part) {
        List<String> result = new ArrayList<>();
        for (String w : part.replaceAll("(?<=\\p{L})-(?=\\p{L})", "\u0000").split("[^\\p{L}\\p{N}\u0000]+")) {
            if (!w.isEmpty()) {
                result.add(w.replace('\u0000', '-'));
            }
        }
        return result;
    }

    /** A part naming a town or district («г. Руза», «Московская обл.»), with no street type in it. */
    private static boolean isSettlement(List<String> words) {
        boolean settlementWord = SETTLEMENT.contains(words.get(0)) || AMBIGUOUS.contains(words.get(0))
                || SETTLEMENT.contains(words.get(words.size() - 1));
        return settlementWord && words.stream().noneMatch(w -> STREET.contains(w) || OTHER_TYPES.containsKey(w))
                && words.stream().noneMatch(w -> Character.isDigit(w.charAt(0)));
    }

    private static Set<String> set(Words words) {
        return Set.of(words.text().split(","));
    }

    private static Map<String, String> map(Words words) {
        Map<String, String> result = new java.util.HashMap<>();
        for (String pair : words.text().split(",")) {
            String[] kv = pair.split("=", -1);
            result.put(kv[0], kv[1]);
        }
        return Map.copyOf(result);
    }

    private static String next(List<String> words, int i) {
        return i + 1 < words.size() ? words.get(i + 1) : "";
    }
}
