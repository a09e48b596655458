package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No console template has inline script or style, which the Content-Security-Policy refuses ({@code script-src 'self';
 * style-src 'self'}): no {@code <script>} without {@code src}, no {@code <style>}, no {@code style=} or {@code on…=}
 * attribute, no {@code javascript:} URL. htmx attributes ({@code hx-on…}) run script too, and are refused the same.
 */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\s(?:th:)?src=)[^>]*>|<style[\\s>]|\\s(?:th:|data-)?style=|"
                    + "\\s(?:th:)?on[a-z]+=|\\shx-on[:-]|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptOrStyle() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).hasSizeGreaterThanOrEqualTo(9);
        for (Path template : templates) {
            Matcher inline = INLINE.matcher(Files.readString(template));
            boolean found = inline.find();
            assertThat(found)
                    .as("%s has inline script or style: %s", template, found ? inline.group() : "")
                    .isFalse();
        }
    }

    /**
     * htmx is loaded by the head of {@code layout/page} alone, and every page with a script takes that head: the
     * {@code htmx-config} there keeps htmx from adding its indicator style inline, which the policy refuses (and the
     * browser reports as an error on every load of the page).
     */
    @Test
    void everyPageWithAScriptHasTheSharedHead() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            pages = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !p.startsWith(TEMPLATES.resolve("layout")))
                    .toList();
        }
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(html).as("%s loads htmx itself", page).doesNotContain("htmx.min.js");
            if (html.contains("<head") && !html.contains("~{layout/page :: head(")) {
                assertThat(html)
                        .as("%s has a head of its own and a script", page)
                        .doesNotContain("<script");
            }
        }
    }

    @Test
    void theCheckFindsInlineScriptAndStyle() {
        for (String html : List.of(
                "<script>alert(1)</script>",
                "<p style=\"color:red\">",
                "<button onclick=\"go()\">",
                "<a href=\"javascript:go()\">",
                "<div hx-on:click=\"go()\">",
                "<style>p{}</style>")) {
            assertThat(INLINE.matcher(html).find()).as(html).isTrue();
        }
        assertThat(INLINE.matcher("<script th:src=\"@{/webjars/htmx.org/dist/htmx.min.js}\" defer></script>")
                        .find())
                .isFalse();
    }
}
