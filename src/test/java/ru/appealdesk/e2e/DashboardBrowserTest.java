package ru.appealdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import ru.appealdesk.support.Browser;
import ru.appealdesk.support.EndToEndTest;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.MiniApp;

/**
 * The dashboard in a real browser (PRODUCT.md §12): headless Chromium opens it as Telegram opens a Mini App (initData
 * in the address's fragment) and through a one-time login link, filters the table, opens an appeal and the charts.
 * A screenshot of each view goes to {@code target/screenshots/}. Skipped, with the reason, where Chromium is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest extends EndToEndTest {

    private static final String PREFIX = "BRW-";
    private static boolean registered;
    private WebDriver browser;

    @BeforeAll
    static void chromium() {
        if (!Browser.available()) {
            System.out.println("SKIPPED " + Browser.MISSING);
        }
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void miniAppOpensTheTableFiltersItOpensAnAppealAndTheCharts() {
        // given open appeals of several sources, one with markup in its address
        registerAppeals();
        browser = Browser.open(1280, 900).orElseThrow();
        String initData = MiniApp.initData(FakeTelegram.TOKEN, user("sokolova"), clock.instant());

        // when Telegram opens the Mini App: the page exchanges initData for a session and shows the table
        browser.get(local("/app/#tgWebAppData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8)
                + "&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop"));
        ready("table");
        Browser.screenshot(browser, "dashboard-table");
        assertThat(rows()).isNotEmpty();

        // then filters and search narrow it down, as the API counts
        search(PREFIX);
        assertThat(total()).isEqualTo(4);
        new Select(browser.findElement(By.id("f-source"))).selectByValue("POS");
        ready("table");
        assertThat(total()).isEqualTo(1);
        assertThat(rows().get(0).getText()).contains(PREFIX + "2");
        new Select(browser.findElement(By.id("f-source"))).selectByIndex(0);
        ready("table");
        browser.findElement(By.id("f-overdue")).click();
        ready("table");
        assertThat(total()).isEqualTo(1);
        assertThat(rows().get(0).getText()).contains(PREFIX + "4").containsIgnoringCase("просроч");
        browser.findElement(By.id("f-overdue")).click();
        ready("table");
        search(PREFIX + "3");
        assertThat(total()).isEqualTo(1);
        assertThat(rows().get(0).getText()).contains("<b>Лесная</b> & Co");

        // and the appeal opens with its history, by the keyboard
        WebElement link = rows().get(0).findElement(By.partialLinkText(PREFIX + "3"));
        link.sendKeys(Keys.ENTER);
        ready("appeal");
        assertThat(browser.findElement(By.id("appeal-number")).getText()).contains(PREFIX + "3");
        assertThat(browser.findElements(By.cssSelector("#history li.history-item"))).isNotEmpty();
        assertThat(browser.findElement(By.id("appeal")).getText()).contains("<b>Лесная</b> & Co")
                .contains("Обращение зарегистрировано");
        assertThat(browser.findElements(By.id("contacts-button"))).as("a coordinator gets no contacts").isEmpty();
        Browser.screenshot(browser, "dashboard-appeal");

        // and the charts draw the last 30 days
        browser.get(local("/app/#/charts"));
        ready("charts");
        assertThat(browser.findElements(By.cssSelector("#chart-days svg"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-departments svg"))).isNotEmpty();
        Browser.screenshot(browser, "dashboard-charts");

        // and Telegram opening the Mini App again, for another account on this device, signs that account in
        String popov = MiniApp.initData(FakeTelegram.TOKEN, user("popov"), clock.instant());
        browser.get("about:blank");
        browser.get(local("/app/#tgWebAppData=" + URLEncoder.encode(popov, StandardCharsets.UTF_8)));
        ready("table");
        assertThat(browser.findElement(By.id("me-name")).getText()).isEqualTo("Попов А.Е.");
        assertNoScriptErrors();
    }

    @Test
    void aLoginLinkOpensItInABrowserAndAPhoneSizedWindowShowsCards() {
        registerAppeals();
        long chat = user("belov");
        int seen = telegram.messagesTo(chat).size();
        telegram.userSends(chat, "/dashboard");
        String link = awaitNew(chat, seen, m -> m.hasButton("Войти в браузере")).button("Войти в браузере").url();
        browser = Browser.open(390, 844).orElseThrow();

        browser.get(local(link.substring(PUBLIC_URL.length())));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        ready("table");
        search(PREFIX + "1");
        assertThat(total()).isEqualTo(1);
        Browser.screenshot(browser, "dashboard-phone");

        // a moderator who reviews the roads department sees the applicant's contacts on request
        rows().get(0).findElement(By.partialLinkText(PREFIX + "1")).click();
        ready("appeal");
        browser.findElement(By.id("contacts-button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts"),
                "+79990001122"));
        Browser.screenshot(browser, "dashboard-phone-appeal");

        // and «Выйти» ends the session on the server (the page sends the CSRF token with the POST)
        browser.findElement(By.id("logout")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-title"),
                "Вы вышли"));
        browser.get(local("/app/"));
        Browser.waitFor(browser).until(d -> d.getPageSource().contains("Вход в панель AppealDesk"));
        assertNoScriptErrors();
    }

    private void registerAppeals() {
        if (registered) {
            return;
        }
        register(appealRequest(PREFIX + "1", "roads"));
        register(appealRequest(PREFIX + "2", "buildings").put("source", "POS"));
        register(appealRequest(PREFIX + "3", "snow").put("address", "ул. <b>Лесная</b> & Co, 7"));
        register(appealRequest(PREFIX + "4", "roads").put("receivedAt", "2026-02-02T10:00:00+03:00"));
        registered = true;
    }

    private String local(String path) {
        return "http://localhost:" + port + path;
    }

    private void ready(String view) {
        Browser.waitFor(browser).until(d -> view.equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private void search(String text) {
        WebElement search = browser.findElement(By.id("f-search"));
        search.clear();
        search.sendKeys(text);
        Browser.waitFor(browser).until(d -> d.getCurrentUrl().contains("q=" + text)
                && "table".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private int total() {
        return Integer.parseInt(browser.findElement(By.id("total")).getText().replaceAll("\\D", ""));
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#appeals tr.appeal-row"));
    }

    private void assertNoScriptErrors() {
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString)
                // the Mini App's first request has no session yet: its 401 carries the sign-in page, by design
                .filter(s -> !(s.contains("/app/#tgWebAppData=") && s.contains("status of 401")))
                // after «Выйти», /app/ answers with 401 and the sign-in page, by design
                .filter(s -> !(s.contains("/app/ - Failed to load resource") && s.contains("status of 401")))
                .toList();
        assertThat(severe).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }
}
