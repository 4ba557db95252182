package dk.fbs.oir.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Danish locales (src/main/resources/META-INF/resources/webjars/camunda/app/&lt;app&gt;/) against
 * the English ones of the Camunda webapp jar on the classpath: every key of {@code en.json} is
 * translated, no key is left over from an older Camunda, no value is still English, and the
 * placeholders ({@code {{name}}}, {@code %d}) survive. After a Camunda upgrade this test lists the
 * keys to translate or to drop.
 */
class DanishLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Values that are the same in Danish as in English: product names, the engine's variable types
     * (Tasklist offers them by these names), and words Danish spells the same way.
     */
    private static final Set<String> SAME_IN_DANISH = Set.of(
            "Camunda",
            "Cockpit",
            "Camunda Cockpit",
            "Optimize",
            "Boolean",
            "Double",
            "Integer",
            "Long",
            "Short",
            "String",
            "null",
            "<null>",
            "JSON",
            "CSV",
            "requestPayload",
            "OK",
            "Status",
            "Type",
            "Filter",
            "Start",
            "Job",
            "Version",
            "Version:",
            "Minimum:",
            "Diagram",
            "Operator",
            "Information",
            "Element",
            "System",
            "GLOBAL",
            "Upload",
            "Links",
            "weekend",
            "Tenant",
            "Tenants",
            "<definition>",
            "<version>");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[^}]*?\\s*}}|\\{}|%[sd]");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyKeyIsTranslatedIntoDanish(String app) throws IOException {
        JsonNode english = read(app, "locales/en.json");
        JsonNode danish = read(app, "locales/da.json");
        Map<String, String> en = labels(english);
        Map<String, String> da = labels(danish);

        Set<String> missing = new TreeSet<>(en.keySet());
        missing.removeAll(da.keySet());
        Set<String> obsolete = new TreeSet<>(da.keySet());
        obsolete.removeAll(en.keySet());
        List<String> stillEnglish = new ArrayList<>();
        List<String> brokenPlaceholders = new ArrayList<>();
        en.forEach((key, value) -> {
            String translated = da.get(key);
            if (translated == null) {
                return;
            }
            if (translated.equals(value) && LETTER.matcher(value).find() && !SAME_IN_DANISH.contains(value.trim())) {
                stillEnglish.add(key + " = " + value);
            }
            if (!placeholders(value).equals(placeholders(translated))) {
                brokenPlaceholders.add(
                        key + ": " + placeholders(value) + " in English, " + placeholders(translated) + " in Danish");
            }
        });

        assertThat(missing)
                .as(app + ": keys of 7.24's en.json missing in da.json")
                .isEmpty();
        assertThat(obsolete)
                .as(app + ": keys in da.json that en.json no longer has")
                .isEmpty();
        assertThat(stillEnglish)
                .as(app + ": values still in English (a word Danish spells the same way goes into" + " SAME_IN_DANISH)")
                .isEmpty();
        assertThat(brokenPlaceholders).as(app + ": placeholders changed").isEmpty();
        if (english.has("dateLocales")) {
            assertDanishDates(danish.path("dateLocales"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theAppOffersDanishFirstWithEnglishAsFallback(String app) throws IOException {
        String config = text(app, "scripts/config.js");

        assertThat(config).as("7.24 loads config.js as an ES module").contains("export default {");
        assertThat(config)
                .containsPattern("availableLocales:\\s*\\['da',\\s*'en'\\]")
                .containsPattern("fallbackLocale:\\s*'en'");
    }

    /** The end-of-life banner has no setting in 7.24; user-styles.css hides it by the class the app gives it. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theEndOfLifeBannerIsHidden(String app) throws IOException {
        assertThat(text(app, "camunda-" + app + "-bootstrap.js"))
                .as("the banner's class in Camunda's own markup")
                .contains("class=\"ce-eol-banner\"");
        assertThat(text(app, "styles/user-styles.css")).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
    }

    private static void assertDanishDates(JsonNode dates) {
        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD.MM.YYYY");
        assertThat(dates.path("months").get(0).asText()).isEqualTo("januar");
        assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("mandag");
        assertThat(dates.path("week").path("dow").asInt())
                .as("the week starts on Monday")
                .isEqualTo(1);
    }

    private static Map<String, String> labels(JsonNode locale) {
        Map<String, String> labels = new TreeMap<>();
        locale.path("labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        assertThat(labels).isNotEmpty();
        return labels;
    }

    private static List<String> placeholders(String value) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        Collections.sort(found);
        return found;
    }

    private static JsonNode read(String app, String file) throws IOException {
        String json = text(app, file);
        return JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
    }

    /** The one resource of that name on the classpath: ours (da.json, config.js, user-styles.css) win over the jar's. */
    private static String text(String app, String file) throws IOException {
        URL url = DanishLocalesTest.class.getClassLoader().getResource(APPS + app + "/" + file);
        assertThat(url).as(APPS + app + "/" + file + " on the classpath").isNotNull();
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
