package ru.appealdesk.intake;

import java.util.ArrayList;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX's shared strings ({@code xl/sharedStrings.xml}) read by SAX within bounds: at most
 * {@link #MAX_STRINGS} strings of at most {@link ImportFile#MAX_CELL_CHARS} characters each and
 * {@link ImportFile#MAX_TEXT_CHARS} together, whatever the file's {@code count} attributes claim (POI's
 * {@code ReadOnlySharedStringsTable} sizes its list by them and keeps any length). Phonetic runs are left out,
 * as the user model leaves them out.
 */
final class SharedStringsReader extends DefaultHandler {

    static final int MAX_STRINGS = 500_000;

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private boolean inPhonetic;
    private long chars;

    List<String> strings() {
        return strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> {
                inItem = true;
                current.setLength(0);
            }
            case "t" -> inText = inItem;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inText || inPhonetic) {
            return;
        }
        if (current.length() + length > ImportFile.MAX_CELL_CHARS) {
            throw new ImportFile.Broken("a shared string is longer than " + ImportFile.MAX_CELL_CHARS
                    + " characters");
        }
        chars += length;
        if (chars > ImportFile.MAX_TEXT_CHARS) {
            throw new ImportFile.Broken("the shared strings hold more than " + ImportFile.MAX_TEXT_CHARS
                    + " characters");
        }
        current.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> {
                if (strings.size() == MAX_STRINGS) {
                    throw new ImportFile.Broken("more than " + MAX_STRINGS + " shared strings");
                }
                strings.add(current.isEmpty() ? "" : CellText.decoded(current.toString()));
                inItem = false;
            }
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }
}
