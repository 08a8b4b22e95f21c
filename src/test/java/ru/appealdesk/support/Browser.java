package ru.appealdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium through its driver, for the dashboard's browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} (or {@code CHROME_BIN} and {@code CHROMEDRIVER}). Where they are missing, the tests that
 * need them are skipped with {@link #MISSING}.
 */
public final class Browser {

    public static final Path CHROME = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final String MISSING = "Chromium is not installed (" + CHROME + ", " + DRIVER + "): the dashboard's "
            + "browser tests are skipped. Install it with `apt-get install chromium chromium-driver` (.ci/run does "
            + "this when it runs as root) or point CHROME_BIN and CHROMEDRIVER at a Chromium and its driver.";
    /** Where screenshots go; the README's come from here (scripts/dashboard-screenshots.sh). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROME) && Files.isExecutable(DRIVER);
    }

    /** A headless Chromium with a window of this size; empty when none is installed. */
    public static Optional<WebDriver> open(int width, int height) {
        if (!available()) {
            return Optional.empty();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROME.toFile());
        // the tests run in a user namespace as "root", where Chromium's own sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--lang=ru-RU", "--force-device-scale-factor=1", "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return Optional.of(driver);
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        // the sign-in page reloads itself into the dashboard, so an element found a moment ago may belong to the
        // page that just went away: look again rather than fail
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Writes a screenshot of the window to {@code target/screenshots/<name>.png}. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
