package io.gardefou.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.account.Role;
import io.gardefou.server.RunningGardefou;
import io.gardefou.store.StoredVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in Debian's headless Chromium, driven through its chromedriver: log in, work a review item, file
 * a take-down, verify a ledger entry in the browser. Screenshots go to target/screenshots. Skips when no
 * chromium is installed (.ci/run installs it).
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static RunningGardefou server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no /usr/bin/chromium and /usr/bin/chromedriver: install them with 'apt-get install -y chromium chromium-driver'");
    Files.createDirectories(SCREENSHOTS);
    server = RunningGardefou.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aModeratorWorksAReviewItemAndFilesATakedown() throws IOException {
    StoredVerdict verdict = screen("a man stabbed in an alley", "a lighthouse at dusk", "a woman holding a bloody knife");
    logIn(server.newKey(Role.MODERATOR));
    browser.get(server.baseUrl() + "/console/queue");
    assertThat(browser.getPageSource()).contains(verdict.decisionId().toString());
    screenshot("review-queue");

    browser.findElement(By.cssSelector("article[data-decision='" + verdict.decisionId() + "'] button[value='uphold']")).click();

    assertThat(browser.getCurrentUrl()).endsWith("/console/queue");
    assertThat(browser.getPageSource()).doesNotContain("data-decision=\"" + verdict.decisionId() + "\"");

    Path image = Files.createTempFile("takedown", ".png");
    Files.write(image, Shapes.png(5));
    browser.get(server.baseUrl() + "/console/takedowns");
    browser.findElement(By.name("reference")).sendKeys("case-GB-5");
    browser.findElement(By.cssSelector("select[name='jurisdiction'] option[value='GB']")).click();
    browser.findElement(By.name("image")).sendKeys(image.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#takedown-form button")).click();

    // The click can return before the browser has read the file: delete it only once the answer is shown.
    assertThat(browser.getPageSource()).contains("Take-down filed").contains("no match in generated-outputs");
    Files.delete(image);
    browser.get(server.baseUrl() + "/console/takedowns");
    assertThat(browser.getPageSource()).contains("case-GB-5");
    screenshot("takedowns");
    logOut();
  }

  @Test
  void anAuditorVerifiesALedgerEntryInTheBrowser() throws IOException {
    screen("a man stabbed in a car park", "a cat on a sofa", "a red bicycle");
    logIn(server.newKey(Role.AUDITOR));
    browser.get(server.baseUrl() + "/console/dashboard");
    assertThat(browser.getPageSource()).contains("By decision").contains("REVIEW");
    screenshot("dashboard");

    browser.get(server.baseUrl() + "/console/ledger");
    browser.findElement(By.id("verify-index")).clear();
    browser.findElement(By.id("verify-index")).sendKeys("1");
    browser.findElement(By.cssSelector("#verify-form button")).click();
    awaitVerification();

    assertThat(browser.findElement(By.id("verify-result")).getDomAttribute("data-verified")).isEqualTo("true");
    assertThat(browser.findElement(By.id("verify-result")).getText()).startsWith("Verified: entry 1");
    screenshot("ledger-verified");
    logOut();
  }

  /** Waits for the page's script to finish: it sets data-verified on the result when it has compared the roots. */
  private static void awaitVerification() {
    for (int attempt = 0; attempt < 400; attempt++) {
      if (browser.findElement(By.id("verify-result")).getDomAttribute("data-verified") != null) {
        return;
      }
      pause();
    }
    throw new AssertionError("the ledger page never reported a verification result");
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void logIn(String key) {
    browser.get(server.baseUrl() + "/console/login");
    browser.findElement(By.name("key")).sendKeys(key);
    browser.findElement(By.cssSelector("form button")).click();
  }

  private static void logOut() {
    browser.findElement(By.cssSelector("header form button")).click();
    for (int attempt = 0; attempt < 200 && !browser.getCurrentUrl().endsWith("/console/login"); attempt++) {
      pause(); // A form's navigation may still be under way when click() returns.
    }
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
  }

  /** Screens each prompt; returns the first one's verdict, which goes to review. */
  private static StoredVerdict screen(String review, String... others) {
    String operator = server.newKey(Role.OPERATOR);
    for (String prompt : others) {
      server.as(operator).post("/v1/moderations", "{\"input\": \"" + prompt + "\"}");
    }
    return ReviewVerdicts.await(server, review);
  }

  private static void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
