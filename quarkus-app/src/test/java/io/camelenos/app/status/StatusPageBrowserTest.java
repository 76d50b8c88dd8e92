package io.camelenos.app.status;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.camelenos.app.enos.EnosGateway;
import io.camelenos.app.sync.telemetry.TelemetryExportRoute;
import io.camelenos.simulator.EnosSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The status page in a real browser (headless Chromium), against the app's embedded emulator over real HTTP: the
 * three flows with their counts, the chart, a backfill's progress bar, an EnOS fault and the recovery; no console
 * error at any step. Also takes the README's screenshots (target/screenshots) at laptop and phone widths.
 */
@QuarkusTest
@TestProfile(StatusPageProfile.class)
class StatusPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FLOW = "#flows .flow[data-flow='%s']";
    private static Chromium chromium;

    @TestHTTPResource("/?refresh=300")
    URL page;

    @Inject
    EnosGateway gateway;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CamelContext camel;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        chromium.viewport(1366, 900);
        driver().get(page.toString());
    }

    @AfterEach
    void noConsoleError() {
        emulator().faults().clear();
        assertEquals(List.of(), chromium.consoleErrors(), "browser console errors");
    }

    @Test
    void showsTheThreeFlowsWithTheirCountsAndWhereItSyncsFrom() {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            for (String flow : List.of("assets", "telemetry", "alerts")) {
                WebElement card = flow(flow);
                long records = Long.parseLong(card.findElement(By.cssSelector("[data-field='records-total']"))
                        .getAttribute("data-value"));
                assertTrue(records > 0, flow + " records on the page: " + card.getText());
                assertTrue(List.of("idle", "running").contains(card.getAttribute("data-state")), card.getText());
                assertTrue(card.findElement(By.cssSelector("[data-field='state']")).getText()
                        .contains(card.getAttribute("data-state")), "the state in words, not colour alone");
            }
        });
        String connection = text("#connection");
        assertTrue(connection.contains("embedded EnOS emulator at " + emulator().baseUrl()), connection);
        assertTrue(connection.contains("database H2"), connection);
        assertTrue(!connection.contains(emulator().appSecret()), "no secret on the page");
        // the active alerts, newest first, as the database has them
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertEquals(activeAlertsNewestFirst(),
                driver().findElements(By.cssSelector("#alerts tbody tr[data-event]")).stream()
                        .map(row -> row.getAttribute("data-event")).toList()));
    }

    @Test
    void chartDrawsTheChosenPointsOfTheChosenAsset() throws Exception {
        await().atMost(WAIT).ignoreExceptions()
                .untilAsserted(() -> assertEquals(4, driver().findElements(By.cssSelector("#chart-asset option"))
                .size(), "the four turbines with telemetry"));
        Select asset = new Select(driver().findElement(By.id("chart-asset")));
        String turbine = asset.getOptions().get(2).getAttribute("value");
        asset.selectByValue(turbine);
        for (WebElement point : driver().findElements(By.cssSelector("#chart-points input"))) {
            if (!point.isSelected()) {
                point.click(); // both points
            }
        }
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            List<WebElement> lines = driver().findElements(By.cssSelector("#chart polyline"));
            assertEquals(2, lines.size(), "one line per chosen point");
            for (WebElement line : lines) {
                String point = line.getAttribute("data-point");
                int expected = (int) Math.min(360, count("SELECT COUNT(*) FROM enos_telemetry "
                        + "WHERE asset_id = ? AND point_id = ? AND num_value IS NOT NULL", turbine, point));
                assertTrue(expected > 0, "samples of " + point);
                assertEquals(expected, Integer.parseInt(line.getAttribute("data-samples")), point);
                assertEquals(expected, line.getAttribute("points").trim().split(" ").length, point + " vertices");
            }
        });
        assertTrue(text("#chart-caption").contains(turbine), text("#chart-caption"));
    }

    @Test
    void backfillProgressBarMoves() throws Exception {
        awaitTelemetryIdle();
        // a new backfill of the last day: the watermarks forgotten, each answer 600 ms late (the consumer reads up to
        // parallelPages time segments at once, so the whole backfill must still last several page refreshes)
        camel.getRouteController().stopRoute(TelemetryExportRoute.ROUTE_ID);
        update("DELETE FROM enos_consumer_state WHERE repository = ?", TelemetryExportRoute.FLOW);
        emulator().faults().latencyMillis(600);
        camel.getRouteController().startRoute(TelemetryExportRoute.ROUTE_ID);

        List<Double> seen = new ArrayList<>();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            List<WebElement> bars = flow("telemetry").findElements(By.cssSelector("progress[data-field='progress']"));
            if (!bars.isEmpty()) {
                double value = Double.parseDouble(bars.get(0).getAttribute("value"));
                if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                    seen.add(value);
                    if (seen.size() == 2) {
                        chromium.screenshot(Path.of("target", "screenshots", "status-page-backfill.png"));
                    }
                }
            }
            assertTrue(seen.size() >= 3, "progress values seen: " + seen);
        });
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "the bar only moves forward: " + seen);
        }
        assertTrue(seen.get(0) < 100, "seen before the end: " + seen);
        emulator().faults().clear();
        awaitTelemetryIdle();
    }

    @Test
    void enosFaultShowsTheFlowsFailingWithTheMessageThenTheyRecover() {
        awaitTelemetryIdle();
        emulator().faults().serverErrorRate(1.0); // every EnOS call answers 503

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            WebElement assets = flow("assets");
            assertEquals("failing", assets.getAttribute("data-state"), assets.getText());
            assertTrue(assets.findElement(By.cssSelector("[data-field='state']")).getText().contains("failing"));
            String error = assets.findElement(By.cssSelector("[data-field='last-error']")).getText();
            assertTrue(error.contains("503"), error);
            assertEquals("failed", assets.findElement(By.cssSelector("[data-field='last-poll']"))
                    .getAttribute("data-value"));
        });

        emulator().faults().clear();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            for (String flow : List.of("assets", "telemetry", "alerts")) {
                WebElement card = flow(flow);
                assertTrue(List.of("idle", "running").contains(card.getAttribute("data-state")), card.getText());
                assertEquals("ok", card.findElement(By.cssSelector("[data-field='last-poll']"))
                        .getAttribute("data-value"), card.getText());
            }
        });
    }

    @Test
    void screenshotsAtLaptopAndPhoneWidthsWithNothingWiderThanThePhone() {
        awaitTelemetryIdle();
        await().atMost(WAIT).ignoreExceptions()
                .untilAsserted(() -> assertTrue(driver().findElements(By.cssSelector("#chart polyline")).size() > 0));
        chromium.screenshot(Path.of("target", "screenshots", "status-page-laptop.png"));

        chromium.viewport(390, 844);
        driver().get(page.toString());
        await().atMost(WAIT).ignoreExceptions()
                .untilAsserted(() -> assertTrue(driver().findElements(By.cssSelector("#chart polyline")).size() > 0));
        Number pageWidth = (Number) driver().executeScript("return document.documentElement.scrollWidth;");
        Number viewport = (Number) driver().executeScript("return window.innerWidth;");
        assertTrue(pageWidth.intValue() <= viewport.intValue(), "page " + pageWidth + " px wide at " + viewport);
        chromium.screenshot(Path.of("target", "screenshots", "status-page-phone.png"));
    }

    // ---- helpers

    private static ChromeDriver driver() {
        return chromium.driver();
    }

    private static WebElement flow(String flow) {
        return driver().findElement(By.cssSelector(FLOW.formatted(flow)));
    }

    private static String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    private EnosSimulator emulator() {
        return gateway.embeddedEmulator().orElseThrow();
    }

    /** Waits until the page shows the telemetry flow idle after a good poll (its first backfill done). */
    private static void awaitTelemetryIdle() {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            WebElement card = flow("telemetry");
            assertEquals("ok", card.findElement(By.cssSelector("[data-field='last-poll']")).getAttribute("data-value"));
            assertTrue(Long.parseLong(card.findElement(By.cssSelector("[data-field='records-total']"))
                    .getAttribute("data-value")) > 0);
        });
    }

    private List<String> activeAlertsNewestFirst() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT event_id FROM enos_alert WHERE status = "
                     + "'ACTIVE' ORDER BY occur_time DESC, event_id")) {
            select.setMaxRows(20);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
