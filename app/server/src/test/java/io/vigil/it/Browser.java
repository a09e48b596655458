package io.vigil.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driving the console of a running Vigil as a user does. Register it with
 * {@code @RegisterExtension static final Browser browser = new Browser(VigilProcess::shared);}.
 *
 * <p>It runs Debian's {@code chromium} through Debian's {@code chromedriver} ({@code ./vigil test} installs both),
 * named explicitly so that Selenium Manager never runs and nothing is downloaded. Every page the browser lands on is
 * saved as {@code target/screenshots/<TestClass>/<NN>-<page>.png}, and {@link #screenshot} saves the states in
 * between; a failed test leaves a screenshot, the page source and the browser's console there too. A test fails if
 * the page logged an error to the browser's console (a script error, a failed request, a Content-Security-Policy
 * violation) unless it took the errors it expected with {@link #takeConsoleErrors}.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, TestWatcher {

    static final Path CHROMIUM = Path.of(System.getProperty("vigil.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("vigil.it.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Where Vigil runs. */
    @FunctionalInterface
    interface Target {
        VigilProcess start() throws Exception;
    }

    /** An error the page logged, with the page it was on. */
    record ConsoleError(String page, String message) {}

    private final Target target;
    private VigilProcess vigil;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;
    private Path screenshots;
    private int shots;
    private long documents;
    private final List<ConsoleError> consoleErrors = new ArrayList<>();

    Browser(Target target) {
        this.target = target;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: ./vigil test installs Debian's chromium and"
                        + " chromium-driver packages");
            }
        }
        vigil = target.start();
        screenshots =
                Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
        deleteTree(screenshots);
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory("vigil-chromium-");
        // Selenium's tracing is not used here; off, it loads no OpenTelemetry SDK
        System.setProperty("webdriver.remote.enableTracing", "false");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .withAppendLog(true)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // Chromium refuses to run as root with its sandbox (containers, CI)
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // no name resolves but localhost (Vigil is reached at 127.0.0.1): a page that needs the internet for
                // a script, a style sheet or a font fails the test instead of fetching it
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            deleteTree(profile);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        readConsole();
        consoleErrors.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        readConsole();
        if (!consoleErrors.isEmpty()) {
            throw new AssertionError("the browser's console logged errors: " + consoleErrors);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = "failed-" + context.getRequiredTestMethod().getName();
        try {
            Path png = screenshot(name);
            String base = png.getFileName().toString().replaceFirst("\\.png$", "");
            Files.writeString(screenshots.resolve(base + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            StringBuilder console = new StringBuilder(driver.getCurrentUrl()).append('\n');
            consoleErrors.forEach(e -> console.append(e).append('\n'));
            Files.writeString(screenshots.resolve(base + ".console.txt"), console, StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e);
        }
    }

    VigilProcess vigil() {
        return vigil;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a console path ({@code /monitors}) and waits for the page and its htmx requests to settle. */
    void open(String path) {
        driver.get(vigil.uri(path).toString());
        settle();
    }

    /**
     * Signs in through the sign-in form as a person does, in a browser that forgets whoever was signed in before (its
     * cookies are cleared). Lands where Vigil sends the user: the live traffic page, or the change of a one-time
     * password; a refused sign-in stays on the sign-in page, with the refusal shown.
     */
    void signIn(String username, String password) {
        signOut();
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        clickCss("#sign-in-button");
    }

    /** Forgets the session: the next page asks for a sign-in. */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** The path (and query) the browser shows, {@code /account/password} say. */
    String path() {
        URI shown = URI.create(driver.getCurrentUrl());
        return shown.getRawQuery() == null ? shown.getRawPath() : shown.getRawPath() + "?" + shown.getRawQuery();
    }

    /** Clicks the button or link whose text is {@code text}, then waits as {@link #open} does. */
    void click(String text) {
        click(driver.findElement(By.tagName("body")), text);
    }

    /** Clicks the button or link with this text inside {@code scope} (a form, a section). */
    void click(WebElement scope, String text) {
        clickElement(scope.findElement(byText(text)));
    }

    /**
     * Clicks the button or link {@code text} inside the element matched by {@code css} that shows {@code holding}: a
     * table row, found again if a periodic htmx refresh replaced it meanwhile.
     */
    void clickIn(String css, String holding, String text) {
        clickIn(css, holding, text, false);
    }

    /** The question a dialog asked, and when (by {@link System#nanoTime}) the user answered OK. */
    record Confirmed(String question, long acceptedAt) {}

    /**
     * As {@link #clickIn}, for an action that asks first (htmx's {@code hx-confirm}): the browser's dialog is accepted,
     * as the user answers OK.
     */
    Confirmed confirmIn(String css, String holding, String text) {
        return clickIn(css, holding, text, true);
    }

    private Confirmed clickIn(String css, String holding, String text, boolean confirm) {
        for (int attempt = 1; ; attempt++) {
            try {
                return clickElement(awaitText(css, holding).findElement(byText(text)), confirm);
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    /** Clicks the element matched by the CSS selector. */
    void clickCss(String css) {
        clickElement(driver.findElement(By.cssSelector(css)));
    }

    private void clickElement(WebElement element) {
        clickElement(element, false);
    }

    /** Clicks, accepts the dialog the click opens when {@code confirm}, and settles. */
    private Confirmed clickElement(WebElement element, boolean confirm) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element));
        element.click();
        Confirmed confirmed = null;
        if (confirm) {
            Alert dialog = new WebDriverWait(driver, WAIT)
                    .withMessage("the dialog asking to confirm")
                    .until(ExpectedConditions.alertIsPresent());
            String question = dialog.getText();
            dialog.accept();
            confirmed = new Confirmed(question, System.nanoTime());
        }
        settle();
        return confirmed;
    }

    /** Types into the input or text area named {@code name}, replacing what it held. */
    void fill(String name, String value) {
        WebElement field =
                driver.findElement(By.cssSelector("input[name='" + name + "'], textarea[name='" + name + "']"));
        field.clear();
        field.sendKeys(value);
    }

    /** Picks the option of the select named {@code name} whose value (or text, for an option without one) is given. */
    void select(String name, String value) {
        selectIn("body", name, value);
    }

    /** As {@link #select}, for the select inside the element matched by {@code scope} (a form, when several have one). */
    void selectIn(String scope, String name, String value) {
        Select select = new Select(driver.findElement(By.cssSelector(scope + " select[name='" + name + "']")));
        for (WebElement option : select.getOptions()) {
            if (value.equals(option.getDomProperty("value"))) {
                option.click();
                return;
            }
        }
        throw new AssertionError("select " + name + " has no option " + value);
    }

    /** Ticks the checkbox named {@code name} with this value. */
    void check(String name, String value) {
        WebElement box = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matched by the CSS selector holds each of the texts, and returns the first such. */
    WebElement awaitText(String css, String... texts) {
        return awaitTextWithin(WAIT, css, texts);
    }

    /** As {@link #awaitText}, waiting up to {@code wait} (a long job the page polls for). */
    WebElement awaitTextWithin(Duration wait, String css, String... texts) {
        By by = By.cssSelector(css);
        Predicate<WebElement> holds = e -> {
            String shown = e.getText();
            return Stream.of(texts).allMatch(shown::contains);
        };
        new WebDriverWait(driver, wait)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(css + " to contain " + List.of(texts))
                .until(d -> d.findElements(by).stream().anyMatch(holds));
        settle();
        return driver.findElements(by).stream().filter(holds).findFirst().orElseThrow();
    }

    /** Waits until the condition holds (elements replaced by an htmx swap meanwhile are looked up again). */
    void await(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
        settle();
    }

    /**
     * Waits until the document has loaded and no htmx request, swap or settle is under way. Lands on a new document
     * (a first visit, a link followed, a form posted without htmx): it is marked, and its screenshot saved.
     */
    void settle() {
        new WebDriverWait(driver, WAIT)
                .withMessage("the page and its htmx requests to settle")
                .until(d -> Boolean.TRUE.equals(script("return document.readyState === 'complete'"
                        + " && (!document.querySelector('script[src*=\"htmx\"]') || !!window.htmx)"
                        + " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")));
        if (script("return window.vigilDocument") == null) {
            documents++;
            script("window.vigilDocument = arguments[0]", documents);
            screenshot(pageName());
        }
        readConsole();
    }

    /**
     * Which document the browser shows, a number that changes with every full page load and survives htmx swaps: a
     * test compares it before and after an action to tell a partial update from a reload.
     */
    long document() {
        return ((Number) script("return window.vigilDocument")).longValue();
    }

    /** What a script of the page got for a request it sent with {@code fetch()}. */
    record Answer(int status, String body) {}

    /**
     * Posts the form fields from the page shown, with the page's own {@code fetch()}: the browser adds the session
     * cookie and the page's {@code Origin}, as for any script of the page. With {@code withToken} the script adds the
     * CSRF header the page carries for htmx ({@code hx-headers} on its {@code <body>}), as a script of the page could;
     * without it, the request has the session and nothing else, as a forged one would.
     */
    Answer post(String path, String form, boolean withToken) {
        Map<String, Object> answer =
                asMap(((JavascriptExecutor) driver).executeAsyncScript("""
                        const [path, form, withToken, done] = arguments;
                        const headers = {'Content-Type': 'application/x-www-form-urlencoded'};
                        if (withToken) {
                          Object.assign(headers, JSON.parse(document.body.getAttribute('hx-headers')));
                        }
                        fetch(path, {method: 'POST', headers, body: form, credentials: 'same-origin'})
                          .then(r => r.text().then(body => done({status: r.status, body})))
                          .catch(e => done({status: -1, body: String(e)}));
                        """, path, form, withToken));
        return new Answer(((Number) answer.get("status")).intValue(), (String) answer.get("body"));
    }

    /**
     * Posts these fields from the page shown as a plain HTML form does (no htmx, no header added by a script), and
     * lands on Vigil's answer, as a page that is out of date or was tampered with would.
     */
    void submit(String path, Map<String, String> fields) {
        script("""
                const [path, fields] = arguments;
                const form = document.createElement('form');
                form.method = 'post';
                form.action = path;
                for (const [name, value] of Object.entries(fields)) {
                  const input = document.createElement('input');
                  input.type = 'hidden';
                  input.name = name;
                  input.value = value;
                  form.append(input);
                }
                document.body.append(form);
                form.submit();
                """, path, fields);
        new WebDriverWait(driver, WAIT)
                .withMessage("the answer to the form posted to " + path)
                .ignoring(JavascriptException.class) // asked while the browser leaves the page
                .until(d -> script("return window.vigilDocument") == null);
        settle();
    }

    /** The CSRF token the page carries for htmx ({@code hx-headers} on its {@code <body>}). */
    String csrfToken() {
        return (String) script("return Object.values(JSON.parse(document.body.getAttribute('hx-headers')))[0]");
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Makes the page see a dark (or light) colour scheme, as a user's system setting does. */
    void darkScheme(boolean dark) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves the whole page, beyond the window's height, as the next numbered PNG. */
    Path screenshot(String name) {
        Map<String, Object> size = asMap(script("return {width: document.documentElement.scrollWidth,"
                + " height: document.documentElement.scrollHeight}"));
        Map<String, Object> clip = Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                ((Number) size.get("width")).intValue(),
                "height",
                Math.min(((Number) size.get("height")).intValue(), 8000),
                "scale",
                1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = screenshots.resolve(String.format(Locale.ROOT, "%02d-%s.png", ++shots, fileName(name)));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The errors the page logged since the test began (or since the last call), which the test then expects. */
    List<ConsoleError> takeConsoleErrors() {
        readConsole();
        List<ConsoleError> taken = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return taken;
    }

    private void readConsole() {
        if (driver == null) {
            return;
        }
        String page = driver.getCurrentUrl();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(
                        new ConsoleError(page, Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getMessage()));
            }
        }
    }

    /** A file name for the page shown: its path without the leading slash, {@code home} for the start page. */
    private String pageName() {
        String path = URI.create(driver.getCurrentUrl()).getPath();
        return path.equals("/") || path.isEmpty() ? "home" : path.substring(1);
    }

    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static By byText(String text) {
        String literal = text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
        return By.xpath(".//button[normalize-space(.)=" + literal + "] | .//a[normalize-space(.)=" + literal
                + "] | .//input[@type='submit' and @value=" + literal + "]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
