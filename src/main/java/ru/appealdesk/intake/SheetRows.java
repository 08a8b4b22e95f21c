package ru.appealdesk.intake;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A worksheet's rows read by SAX and handed to {@link Rows} as each ends. Only the header row and the columns it
 * names are turned into text; any other cell is only looked at for whether it holds something. A cell's text is
 * bounded while it is read ({@link ImportFile#MAX_CELL_CHARS}), and the first limit passed stops the parse.
 */
final class SheetRows extends DefaultHandler {

    private final Rows rows;
    private final CellText cellText;
    private final StringBuilder text = new StringBuilder();
    private int rowNumber;
    private int column;
    private String[] cells;
    private boolean rowHasAnything;
    private String type;
    private String style;
    private boolean keep;
    private boolean cellHasAnything;
    private boolean inValue;
    private boolean inInline;
    private boolean inText;
    private boolean inPhonetic;

    SheetRows(Rows rows, CellText cellText) {
        this.rows = rows;
        this.cellText = cellText;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : CellText.integer(r);
                column = -1;
                rowHasAnything = false;
                cells = rows.inHeader() ? null : rows.newCells();
            }
            case "c" -> {
                String r = attributes.getValue("r");
                column = r == null ? column + 1 : column(r);
                type = attributes.getValue("t") == null ? "n" : attributes.getValue("t");
                style = attributes.getValue("s");
                keep = rows.inHeader() || rows.position(column) >= 0;
                cellHasAnything = false;
                text.setLength(0);
            }
            case "v" -> inValue = true;
            case "is" -> inInline = true;
            case "t" -> inText = inInline;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inValue && !(inText && !inPhonetic)) {
            return;
        }
        if (keep || inValue && type.equals("s")) {
            if (text.length() + length > ImportFile.MAX_CELL_CHARS) {
                throw new ImportFile.Broken("row " + rowNumber + " has a cell longer than "
                        + ImportFile.MAX_CELL_CHARS + " characters");
            }
            text.append(ch, start, length);
        } else {
            for (int i = start; i < start + length && !cellHasAnything; i++) {
                cellHasAnything = !Character.isWhitespace(ch[i]);
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v" -> inValue = false;
            case "is" -> inInline = false;
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> endCell();
            case "row" -> endRow();
            default -> {
            }
        }
    }

    private void endCell() {
        if (!keep) {
            rowHasAnything |= type.equals("s") ? !value().isBlank() : cellHasAnything;
            return;
        }
        String value = value();
        if (rows.inHeader()) {
            rows.header(column, value);
        } else {
            cells[rows.position(column)] = value;
            rowHasAnything |= !value.isBlank();
        }
    }

    private String value() {
        return cellText.text(type, text.toString(), style, rowNumber);
    }

    private void endRow() {
        if (rows.inHeader()) {
            rows.endHeader();
        } else {
            rows.row(rowNumber, cells, rowHasAnything);
        }
    }

    /** The column of a reference such as {@code XFD30000}, from 0; past Excel's last column, a column never kept. */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            if (i == 3) {
                return Integer.MAX_VALUE;
            }
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

}
