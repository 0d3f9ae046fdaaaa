package io.wafleet.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin page in headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs), against the whole fleet: an operator creates an account, starts a QR login, sees the QR
 * code, has the sandbox phone scan it and watches the account become {@code logged_in} with its worker;
 * then a pairing-code login, a webhook, and its deliveries with a redelivery. Screenshots are kept in
 * {@code target/admin-page/}.
 */
class AdminPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "admin-page");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String qrAccount = "admin_qr_" + suffix;
    private final String codeAccount = "admin_code_" + suffix;
    private WebDriver browser;
    private WebDriverWait waiting;

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // without the background-networking flags Chromium keeps reaching for Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1100", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        // the page redraws its tables every 2 s: an element found a moment ago may be gone
        waiting = new WebDriverWait(browser, WAIT);
        waiting.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorLogsAnAccountInFromThePage() throws IOException {
        browser.get(TestFleet.shared().baseUrl() + "/admin");
        create(qrAccount);

        click("qr-login");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-box")));
        waiting.until(page -> (Boolean) ((JavascriptExecutor) page).executeScript(
                "const img = document.getElementById('qr-image'); return img.complete && img.naturalWidth > 0;"));
        waiting.until(page -> text("qr-expiry").matches("valid for \\d+ s"));
        screenshot("qr-code");
        click("sandbox-scan");
        awaitLoggedIn(qrAccount);
        assertThat(browser.findElement(By.id("qr-box")).isDisplayed()).isFalse();
        assertThat(row(qrAccount).findElements(By.tagName("td")).get(3).getText()).as("owner worker").isNotBlank();
        screenshot("logged-in");

        create(codeAccount);
        String phone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        browser.findElement(By.id("code-phone")).sendKeys(phone);
        browser.findElement(By.cssSelector("#code-form button")).click();
        waiting.until(page -> text("pair-code").matches("[A-Z0-9]{4}-[A-Z0-9]{4}"));
        click("sandbox-scan");
        awaitLoggedIn(codeAccount);
        waiting.until(page -> row(codeAccount).findElements(By.tagName("td")).get(2).getText().equals(phone));
    }

    @Test
    void anOperatorSetsAWebhookAndRedeliversFromThePage() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            browser.get(TestFleet.shared().baseUrl() + "/admin");
            String account = "admin_hook_" + suffix;
            create(account);
            browser.findElement(By.id("webhook-url")).sendKeys(receiver.url());
            browser.findElement(By.id("webhook-secret")).sendKeys("page-secret");
            browser.findElement(By.cssSelector("#webhook-form button")).click();
            waiting.until(page -> text("webhook-current").equals("delivering to " + receiver.url() + ", signed with its secret"));

            click("qr-login");
            waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("sandbox-scan")));
            click("sandbox-scan");
            awaitLoggedIn(account);
            // the login's status events reach the receiver and show in the page's delivery log
            waiting.until(page -> !browser.findElements(By.cssSelector("#deliveries tbody tr .outcome-delivered")).isEmpty());
            int received = receiver.deliveries().size();
            // the table is redrawn every 2 s: a click on a row just replaced is tried again
            waiting.until(page -> {
                browser.findElement(By.cssSelector("#deliveries tbody tr button")).click();
                return true;
            });
            waiting.until(page -> text("notice").contains("queued for redelivery"));
            waiting.until(page -> receiver.deliveries().size() > received);
            screenshot("deliveries");
        }
    }

    private void create(String account) {
        browser.findElement(By.id("new-account")).sendKeys(account);
        browser.findElement(By.cssSelector("#create-form button")).click();
        waiting.until(page -> text("panel-account").equals(account) && browser.findElement(By.id("account-panel")).isDisplayed());
    }

    private void awaitLoggedIn(String account) {
        waiting.until(page -> {
            WebElement row = row(account);
            return row != null && row.findElement(By.className("status")).getText().equals("logged_in");
        });
        waiting.until(page -> text("panel-status").equals("logged_in"));
        waiting.until(page -> text("notice").equals(account + " is logged in"));
    }

    private WebElement row(String account) {
        return browser.findElements(By.cssSelector("#accounts tbody tr[data-account='" + account + "']")).stream()
                .findFirst().orElse(null);
    }

    private void click(String id) {
        waiting.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
