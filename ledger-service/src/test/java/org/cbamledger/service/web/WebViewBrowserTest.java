package org.cbamledger.service.web;

import org.cbamledger.service.http.UiSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web view in Debian's headless Chromium, driven by chromedriver through Selenium: the real service with the
 * worked example (Turkish extruder) and the Serbian PPA scenario (hourly meter and generation data) loaded through
 * the API, signed in through the login form, and what is on screen checked: status rows, meter tree, the hourly
 * chart of a chosen month, the gap report, and that a figure's evidence and proof links answer.
 */
class WebViewBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String SERBIAN = "web-rs";
    private static final String TURKISH = "web-tr";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningService service;
    private static Path profile;
    private static ChromeDriverService driverService;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian's chromium and chromium-driver are needed: ./cbam test installs them");
        service = RunningService.start();
        long started = System.nanoTime();
        DemoLogs.load(service, TURKISH, "Example Extrusion A.S.", "TR", Path.of("..", "scenarios", "turkish-extruder-2026"));
        DemoLogs.Loaded serbian = DemoLogs.load(service, SERBIAN, "Example Serbian Extruder d.o.o.", "RS",
                Path.of("..", "scenarios", "serbian-extruder-ppa-2026"));
        addUnmeteredBackupGenerator(serbian);
        System.out.printf("WebViewBrowserTest: both scenarios loaded through the API in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        base = service.http().base().toString().replaceAll("/$", "");

        profile = Files.createTempDirectory("chromium-profile-");
        // the driver path is set, so Selenium Manager never looks for (or downloads) a driver
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2600", "--user-data-dir=" + profile);
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (driverService != null) {
                driverService.stop();
            }
        } finally {
            if (service != null) {
                service.close();
            }
            if (profile != null) {
                DirectoryZip.deleteTree(profile);
            }
        }
    }

    /** A backup generator registered with a role but neither a meter record nor readings: two missing-meter gaps. */
    private static void addUnmeteredBackupGenerator(DemoLogs.Loaded log) throws Exception {
        ObjectNode role = Http.JSON.createObjectNode().put("kind", "meter-role").put("meterId", "backup-genset")
                .put("installationId", "RS-EXTRUDER-01").put("role", "backup-generation")
                .put("emissionFactorTco2PerMwh", "0.8").put("description", "Diesel genset <standby>");
        byte[] envelope = Envelope.sign("meter-role", LedgerRecords.json(role), log.rootKey()).canonicalBytes();
        HttpResponse<byte[]> response = service.http().post("logs/" + log.logId() + "/entries?wait=true",
                service.token(Scopes.submit(log.logId())), envelope);
        assertEquals(201, response.statusCode(), Http.text(response));
        assertTrue(Http.json(response).has("inclusionProof"), Http.text(response));
    }

    private static void signIn(String token) throws InterruptedException {
        browser.manage().deleteAllCookies();
        browser.get(base + "/ui/login");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        awaitLoginAnswer();
    }

    /** A click returns before the form's response arrives: wait for the page after it (signed in, or refused). */
    private static void awaitLoginAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean signedIn = browser.manage().getCookieNamed(UiSession.COOKIE) != null
                    && !browser.getCurrentUrl().contains("/ui/login");
            if (signedIn || !all("#login-error").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer to the login form within 20 s: " + browser.getCurrentUrl());
    }

    /** After a click: wait until the browser is at a URL containing {@code part} (a page load it started). */
    private static void awaitUrl(String part) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!browser.getCurrentUrl().contains(part)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not at " + part + " within 20 s: " + browser.getCurrentUrl());
            }
            Thread.sleep(50);
        }
    }

    private static String read(String logId) {
        return service.token(Scopes.read(logId));
    }

    private static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private static WebElement one(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    @Test
    void withoutCookie_aViewPageRedirectsToLogin_andLoginLeadsBackToIt() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/ui/logs/" + SERBIAN + "?month=2026-02");

        assertTrue(browser.getCurrentUrl().startsWith(base + "/ui/login?next="), browser.getCurrentUrl());
        browser.findElement(By.id("token")).sendKeys(read(SERBIAN));
        browser.findElement(By.id("sign-in")).click();
        awaitLoginAnswer();

        assertEquals(base + "/ui/logs/" + SERBIAN + "?month=2026-02", browser.getCurrentUrl());
        assertEquals("2026-02", one("svg.hourly-chart").getAttribute("data-month"));
        Cookie cookie = browser.manage().getCookieNamed(UiSession.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        assertEquals("/", cookie.getPath());
    }

    @Test
    void aBadToken_staysOnTheLoginPageWithTheReason() throws Exception {
        signIn("not-a-token");

        assertTrue(browser.getCurrentUrl().endsWith("/ui/login"), browser.getCurrentUrl());
        assertTrue(one("#login-error").getText().contains("token is not a valid JWT"), one("#login-error").getText());
        assertEquals(null, browser.manage().getCookieNamed(UiSession.COOKIE));
    }

    @Test
    void aTokenWithoutReadScope_getsThe403Page() throws Exception {
        signIn(read(TURKISH));
        browser.get(base + "/ui/logs/" + SERBIAN);

        assertEquals("403 Forbidden", one("h1.error").getText());
        assertTrue(one("p.problems").getText().contains("lacks scope log:" + SERBIAN + ":read"), one("p.problems").getText());
    }

    @Test
    void serbianView_showsStatusRowsMeterTreeChartAndGapReport() throws Exception {
        signIn(read(SERBIAN));
        browser.get(base + "/ui/logs/" + SERBIAN + "?month=2026-03");
        screenshot("web-view-serbian.png");

        WebElement row = one("tr.status-row[data-installation='RS-EXTRUDER-01'][data-period='2026-01-01/2026-12-31']");
        assertEquals("76041090", row.findElement(By.cssSelector("td.cn-code")).getText());
        for (String category : List.of("production", "metering", "allocation-model", "ppa-contract", "settlements",
                "go-cancellations", "producer-declaration", "calculation", "statement")) {
            assertEquals("present", row.findElement(By.cssSelector("td[data-category='" + category + "']"))
                    .getAttribute("data-state"), category);
        }
        assertEquals("not-needed", row.findElement(By.cssSelector("td[data-category='supplier-statements']"))
                .getAttribute("data-state"));

        WebElement incomer = one("ul.meter-tree > li.meter[data-meter-id='main-incomer']");
        assertEquals("grid-import", incomer.getAttribute("data-role"));
        List<String> children = incomer.findElements(By.cssSelector(":scope > ul > li.meter")).stream()
                .map(li -> li.getAttribute("data-meter-id")).toList();
        assertEquals(List.of("press-1", "press-2", "compressed-air", "offices"), children);
        assertTrue(one("li.meter[data-meter-id='press-1'] .line").getText().contains("PRESS-1"));

        WebElement chart = one("svg.hourly-chart");
        assertEquals("2026-03", chart.getAttribute("data-month"));
        assertEquals("744", chart.getAttribute("data-hours"));
        assertTrue(chart.findElement(By.cssSelector("polyline[data-series='consumption']")).getAttribute("points")
                .split(" ").length == 744);
        assertTrue(chart.findElement(By.cssSelector("polygon[data-series='ppa']")).getAttribute("points").split(" ").length
                == 746);
        assertTrue(Double.parseDouble(chart.getAttribute("data-ppa-mwh")) > 0);
        assertEquals(744, chart.findElement(By.cssSelector("polyline[data-series='generation']")).getAttribute("points")
                .split(" ").length);
        // PPA-backed MWh per hour = min(import, metered generation): never above either
        double ppaMwh = Double.parseDouble(chart.getAttribute("data-ppa-mwh"));
        assertTrue(Double.parseDouble(chart.getAttribute("data-consumption-mwh")) >= ppaMwh);
        assertTrue(Double.parseDouble(chart.getAttribute("data-generation-mwh")) >= ppaMwh);
        assertEquals("70000", one("tr.class-total[data-class='ppa-renewable'] td.number").getText());
        assertEquals("30000", one("tr.class-total[data-class='grid'] td.number").getText());

        List<WebElement> gaps = all("ul.gap-report li.gap[data-category='missing-meter'][data-type='missing-meter-data']");
        assertEquals(2, gaps.size());
        assertTrue(gaps.get(0).findElement(By.cssSelector(".gap-subject")).getText().startsWith("backup-genset, 2026-01-01/2026-12-31"));
        assertTrue(gaps.stream().anyMatch(g -> g.getText().contains("has no readings in the evidence")));
        assertEquals("Diesel genset <standby>", one("li.meter[data-meter-id='backup-genset'] .description").getText());
        assertTrue(gaps.get(0).findElement(By.cssSelector("a.evidence")).getAttribute("href")
                .matches(".*/logs/" + SERBIAN + "/entries/[0-9]+"));
    }

    @Test
    void monthSelector_redrawsTheChartForTheChosenMonth() throws Exception {
        signIn(read(SERBIAN));
        browser.get(base + "/ui/logs/" + SERBIAN);
        String first = one("svg.hourly-chart").getAttribute("data-month");

        one("nav.months a[data-month='2026-02']").click();
        awaitUrl("?month=2026-02");

        assertEquals("2026-01", first);
        assertTrue(browser.getCurrentUrl().endsWith("/ui/logs/" + SERBIAN + "?month=2026-02"), browser.getCurrentUrl());
        assertEquals("2026-02", one("svg.hourly-chart").getAttribute("data-month"));
        assertEquals("672", one("svg.hourly-chart").getAttribute("data-hours"));
        assertEquals("month current", one("nav.months a[data-month='2026-02']").getAttribute("class"));
    }

    @Test
    void figureLinks_openTheEntryAndItsInclusionProof() throws Exception {
        signIn(read(TURKISH));
        browser.get(base + "/ui/logs/" + TURKISH);
        WebElement total = one("tr.figure[data-figure='emissions.totalTco2']");
        WebElement calculation = total.findElement(By.cssSelector("td.recorded-in a.evidence"));
        String entryHref = calculation.getAttribute("href");
        String proofHref = total.findElement(By.cssSelector("td.recorded-in a.proof")).getAttribute("href");
        String sourceHref = total.findElement(By.cssSelector("td.derived-from a.evidence")).getAttribute("href");
        String cookie = UiSession.COOKIE + "=" + browser.manage().getCookieNamed(UiSession.COOKIE).getValue();

        HttpResponse<byte[]> entry = get(entryHref, cookie);
        HttpResponse<byte[]> proof = get(proofHref, cookie);
        HttpResponse<byte[]> source = get(sourceHref, cookie);
        assertEquals(200, entry.statusCode(), Http.text(entry));
        assertEquals(200, proof.statusCode(), Http.text(proof));
        assertEquals(200, source.statusCode(), Http.text(source));
        JsonNode entryJson = Http.json(entry);
        JsonNode proofJson = Http.json(proof);
        assertEquals(entryJson.get("index"), proofJson.get("index"));
        assertEquals(entryJson.get("leafHash"), proofJson.get("leafHash"));
        assertTrue(proofJson.get("hashes").isArray() && proofJson.get("treeSize").asLong() > entryJson.get("index").asLong());

        calculation.click();
        awaitUrl(entryHref.substring(base.length()));
        assertEquals(entryHref, browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("\"leafHash\""));
        browser.navigate().back();
        awaitUrl("/ui/logs/" + TURKISH);
        one("tr.figure[data-figure='emissions.totalTco2'] td.recorded-in a.proof").click();
        awaitUrl("/proofs/inclusion");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("\"hashes\""));
    }

    @Test
    void turkishView_showsTheWorkedExamplesStatusAndItsGapReport() throws Exception {
        signIn(read(TURKISH));
        browser.get(base + "/ui/logs/" + TURKISH);
        screenshot("web-view-turkish.png");

        WebElement row = one("tr.status-row[data-installation]");
        for (String category : List.of("production", "fuel", "supplier-statements", "calculation", "statement")) {
            assertEquals("present", row.findElement(By.cssSelector("td[data-category='" + category + "']"))
                    .getAttribute("data-state"), category);
        }
        assertEquals("not-needed", row.findElement(By.cssSelector("td[data-category='settlements']")).getAttribute("data-state"));
        assertFalse(all("ul.gap-report li.gap[data-type='no-electricity-ledger']").isEmpty());
        assertFalse(all("p.empty.meter-tree").isEmpty());
    }

    @Test
    void sessionCookie_isNeverAcceptedForAStateChange_andTheAuthorizationHeaderWinsOverIt() throws Exception {
        String cookie = UiSession.COOKIE + "=" + service.token(Scopes.submit(SERBIAN), Scopes.read(SERBIAN));
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/logs/" + SERBIAN + "/entries"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpRequest readWithBadHeader = HttpRequest.newBuilder(URI.create(base + "/logs/" + SERBIAN + "/entries/0"))
                .header("Cookie", cookie).header("Authorization", "Bearer " + read(TURKISH)).GET().build();

        HttpResponse<String> posted = CLIENT.send(post, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = CLIENT.send(readWithBadHeader, HttpResponse.BodyHandlers.ofString());
        HttpResponse<byte[]> readWithCookie = get(base + "/logs/" + SERBIAN + "/entries/0", cookie);

        assertEquals(401, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("a bearer token is required"), posted.body());
        assertEquals(403, read.statusCode(), read.body());
        assertEquals(200, readWithCookie.statusCode(), Http.text(readWithCookie));
    }

    @Test
    void roomView_showsAVerifierTheRoomsEvidence_withLinksIntoTheRoom() throws Exception {
        String roomId = openRoom(SERBIAN, "RS-EXTRUDER-01", "verifier-rs", List.of("view", "entries"));
        signIn(service.token(Scopes.verifier("verifier-rs")));
        browser.get(base + "/ui/rooms/" + roomId + "?month=2026-03");
        screenshot("web-view-room.png");

        assertTrue(one("p.scope").getText().contains("installation RS-EXTRUDER-01, 2026-01-01 to 2026-12-31, CN 76041090;"
                + " shown to verifier verifier-rs"), one("p.scope").getText());
        WebElement row = one("tr.status-row[data-installation='RS-EXTRUDER-01'][data-period='2026-01-01/2026-12-31']");
        assertEquals("present", row.findElement(By.cssSelector("td[data-category='ppa-contract']")).getAttribute("data-state"));
        assertEquals("744", one("svg.hourly-chart").getAttribute("data-hours"));
        assertEquals("70000", one("tr.class-total[data-class='ppa-renewable'] td.number").getText());
        assertEquals("30000", one("tr.class-total[data-class='grid'] td.number").getText());
        assertTrue(one("nav.months a[data-month='2026-02']").getAttribute("href").endsWith("/ui/rooms/" + roomId + "?month=2026-02"));
        String evidenceHref = one("ul.gap-report a.evidence").getAttribute("href");
        assertTrue(evidenceHref.contains("/rooms/" + roomId + "/entries/"), evidenceHref);

        String cookie = UiSession.COOKIE + "=" + browser.manage().getCookieNamed(UiSession.COOKIE).getValue();
        HttpResponse<byte[]> entry = get(evidenceHref, cookie);
        assertEquals(200, entry.statusCode(), Http.text(entry));
        assertTrue(Http.json(entry).get("inclusionProof").get("hashes").isArray(), Http.text(entry));
        browser.get(base + "/ui/logs/" + SERBIAN);
        assertEquals("403 Forbidden", one("h1.error").getText());
    }

    @Test
    void roomView_isRefusedWithoutTheViewScope_andToAPartyWithoutAGrant() throws Exception {
        String roomId = openRoom(TURKISH, "TR-EXTRUDER-01", "verifier-tr", List.of("entries"));
        signIn(service.token(Scopes.verifier("verifier-tr")));
        browser.get(base + "/ui/rooms/" + roomId);
        assertEquals("403 Forbidden", one("h1.error").getText());
        assertTrue(one("p.problems").getText().contains("does not include view"), one("p.problems").getText());

        signIn(service.token(Scopes.verifier("verifier-without-grant")));
        browser.get(base + "/ui/rooms/" + roomId);
        assertTrue(one("h1.error").getText().startsWith("404"), one("h1.error").getText());
    }

    /** A room on the worked year and CN code 76041090 of the installation, granted to a verifier with scopes. */
    private static String openRoom(String logId, String installationId, String verifier, List<String> scopes) {
        ObjectNode room = Http.JSON.createObjectNode().put("installationId", installationId)
                .put("periodFrom", "2026-01-01").put("periodTo", "2026-12-31");
        room.putArray("cnCodes").add("76041090");
        String admin = service.token(Scopes.logAdmin(logId));
        HttpResponse<byte[]> created = service.http().post("logs/" + logId + "/rooms", admin, Http.JSON.writeValueAsBytes(room));
        assertEquals(201, created.statusCode(), Http.text(created));
        String roomId = Http.json(created).get("roomId").asString();
        ObjectNode grant = Http.JSON.createObjectNode().put("role", "verifier");
        scopes.forEach(grant.putArray("scopes")::add);
        HttpResponse<byte[]> granted = service.http().put("rooms/" + roomId + "/grants/" + verifier, admin,
                Http.JSON.writeValueAsBytes(grant));
        assertEquals(200, granted.statusCode(), Http.text(granted));
        return roomId;
    }

    private static HttpResponse<byte[]> get(String url, String cookie) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(target.resolveSibling(name.replace(".png", ".html")), browser.getPageSource());
    }
}
