package io.switchboard.chat.web.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The page's texts in one language. The language is the {@code ?lang=} parameter when it names one the page has,
 * else the first of the browser's Accept-Language list that it has, else English; never the server's own locale.
 */
final class PageTexts {

    /** The languages the page is written in; the first is the fallback. */
    static final List<String> LANGUAGES = List.of("en", "zh");

    private static final String BUNDLE = "io.switchboard.chat.web.internal.page";

    private final String language;
    private final ResourceBundle bundle;

    private PageTexts(String language) {
        this.language = language;
        // No fallback to the JVM's default locale: an English browser gets English on a Chinese desktop.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language),
                PageTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final PageTexts EN = new PageTexts("en");
    private static final PageTexts ZH = new PageTexts("zh");

    static PageTexts of(String language) {
        return "zh".equals(language) ? ZH : EN;
    }

    /**
     * @param lang           the {@code lang} query parameter, or {@code null}
     * @param acceptLanguage the Accept-Language values, best first (quality already applied)
     */
    static String choose(String lang, List<String> acceptLanguage) {
        String chosen = supported(lang);
        if (chosen != null) {
            return chosen;
        }
        for (String tag : acceptLanguage) {
            chosen = supported(tag);
            if (chosen != null) {
                return chosen;
            }
        }
        return LANGUAGES.get(0);
    }

    private static String supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return LANGUAGES.contains(primary) ? primary : null;
    }

    String language() {
        return language;
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... arguments) {
        MessageFormat format = new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language));
        return format.format(arguments);
    }

    /** Every key of the page, for the template. */
    Iterable<String> keys() {
        return bundle.keySet();
    }
}
