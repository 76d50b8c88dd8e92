package io.camelenos.app.status;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven by Selenium through the machine's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them), with a fresh profile and the browser console recorded. Where
 * they are missing the test is skipped and says so, except under {@code CI=true}, where it fails.
 */
final class Chromium implements AutoCloseable {

    private static final String DRIVER = env("CAMEL_ENOS_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final String BROWSER = env("CAMEL_ENOS_TEST_CHROMIUM", "/usr/bin/chromium");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() {
        boolean installed = new File(DRIVER).canExecute() && new File(BROWSER).canExecute();
        if (!installed) {
            String message = "no Chromium at " + BROWSER + " or no chromedriver at " + DRIVER
                             + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.out.println("[camel-enos] status page browser test SKIPPED: " + message);
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("camel-enos-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The console's errors (and uncaught exceptions) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
    }

    /** Sets the viewport's width and height (the window's inner size), as a laptop or a phone would have it. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // the window's frame takes some of it: grow the window by the difference
        Map<?, ?> inner = (Map<?, ?>) driver.executeScript(
                "return {w: window.innerWidth, h: window.innerHeight};");
        int dw = width - ((Number) inner.get("w")).intValue();
        int dh = height - ((Number) inner.get("h")).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    /** A PNG of the whole page (beyond the viewport), at the viewport's width. */
    void screenshot(Path file) {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        Number width = (Number) driver.executeScript("return window.innerWidth;");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a left-over temporary profile is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
