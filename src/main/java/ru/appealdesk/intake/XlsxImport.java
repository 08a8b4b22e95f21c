package ru.appealdesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX read with POI's event API: the package opened from a file (entries inflated one at a
 * time through POI's zip-bomb guard), the shared strings and the sheet parsed by SAX handlers that keep only what
 * the import needs and stop at the first limit passed ({@link SharedStringsReader}, {@link SheetRows}). The small
 * parts POI parses whole (content types, relationships, styles, properties) must each inflate to at most
 * {@link #MAX_SMALL_PART} bytes; the sheets and the shared strings to at most {@link #MAX_ENTRY}.
 */
final class XlsxImport {

    /** An entry that inflates to less than 1/100 of its size compressed is taken for a zip bomb (POI's default). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** The largest entry (a sheet, the shared strings) when inflated. */
    static final long MAX_ENTRY = 100L * 1024 * 1024;
    /** The largest part that POI reads as a whole document. */
    static final long MAX_SMALL_PART = 2L * 1024 * 1024;
    static final long MAX_ENTRIES = 1000;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
        ZipSecureFile.setMaxTextSize(ImportFile.MAX_TEXT_CHARS);
    }

    private XlsxImport() {
    }

    static void read(InputStream content, Rows rows) throws IOException {
        Path file = Files.createTempFile("appealdesk-import-", ".xlsx");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            checkSmallParts(file);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                List<String> strings = List.of();
                if (!pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS
                        .getContentType()).isEmpty()) {
                    SharedStringsReader sst = new SharedStringsReader();
                    try (InputStream in = reader.getSharedStringsData()) {
                        parse(in, sst);
                    }
                    strings = sst.strings();
                }
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new ImportFile.Broken("the workbook has no sheet");
                }
                try (InputStream sheet = sheets.next()) {
                    CellText text = new CellText(strings, reader.getStylesTable(), date1904(reader));
                    parse(sheet, new SheetRows(rows, text));
                }
            }
        } catch (ImportFile.Broken e) {
            throw e;
        } catch (Exception e) {
            ImportFile.Broken limit = brokenCause(e);
            if (limit != null) {
                throw limit;
            }
            throw new ImportFile.Broken("the XLSX file cannot be read whole (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + "); is it complete?");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Every XML part other than the sheets and the shared strings inflates to at most {@link #MAX_SMALL_PART}. */
    private static void checkSmallParts(Path file) throws IOException {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            for (int count = 0; entries.hasMoreElements(); count++) {
                ZipArchiveEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (count >= MAX_ENTRIES) {
                    throw new ImportFile.Broken("the workbook has more than " + MAX_ENTRIES + " parts");
                }
                boolean streamed = name.startsWith("xl/worksheets/") && name.endsWith(".xml")
                        || name.endsWith("sharedstrings.xml");
                if (!streamed && (name.endsWith(".xml") || name.endsWith(".rels"))) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] buffer = new byte[8192];
                        long size = 0;
                        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                            size += n;
                            if (size > MAX_SMALL_PART) {
                                throw new ImportFile.Broken("a part of the workbook other than its sheets is larger "
                                        + "than " + MAX_SMALL_PART / 1024 / 1024 + " MiB");
                            }
                        }
                    }
                }
            }
        }
    }

    /** Whether the workbook counts dates from 1904 ({@code <workbookPr date1904="1">}), as old Mac Excel did. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] date1904 = {false};
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("workbookPr")) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
        }
        return date1904[0];
    }

    private static void parse(InputStream in, ContentHandler handler) throws Exception {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(in));
    }

    private static ImportFile.Broken brokenCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportFile.Broken broken) {
                return broken;
            }
            if (t instanceof org.xml.sax.SAXException sax && sax.getException() instanceof ImportFile.Broken b) {
                return b;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
