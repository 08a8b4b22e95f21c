package ru.appealdesk.intake;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an import file in a JVM of its own (started by {@link ImportFileTest} with a small heap) and prints what
 * came of it: {@code ROWS <n>} or {@code REFUSED <reason>}; an OutOfMemoryError ends the JVM with a non-zero code.
 */
public final class ImportProbe {

    private ImportProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                System.out.println("ROWS " + ImportFile.read(in, ImportController.COLUMNS).lines().size());
            } catch (ImportFile.Broken e) {
                System.out.println("REFUSED " + e.getMessage());
            }
        }
    }
}
