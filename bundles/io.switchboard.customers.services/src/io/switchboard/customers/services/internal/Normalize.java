package io.switchboard.customers.services.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import io.switchboard.customers.ContactKind;

/**
 * The keys that searches, filters and matches compare: lower-case text, lower-case e-mail addresses and
 * digits-only phone numbers. Stored next to the values, so lookups use indexes instead of functions.
 */
public final class Normalize {

    /** Anything with one {@code @}, no spaces, and a dot in the domain; full RFC 5322 is not worth it here. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>,;]+@[^\\s@\"<>,;]+\\.[^\\s@\"<>,;.]+");
    /** Digits with the usual separators, an optional leading plus and an optional extension. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()./\\-]*([ ]?(x|ext\\.?)[ ]?[0-9]{1,6})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Case-insensitive key of free text; {@code null} stays {@code null}. */
    public static String text(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    public static String email(String value) {
        return ContactKind.EMAIL.key(value);
    }

    public static String phone(String value) {
        return ContactKind.MOBILE.key(value);
    }

    /** The key of a contact point's value ({@link ContactKind#key}), as the store and the text index keep it. */
    public static String contact(ContactKind kind, String value) {
        return kind.key(value);
    }

    public static boolean isEmail(String value) {
        return value.length() <= Limits.EMAIL && EMAIL.matcher(value.trim()).matches();
    }

    public static boolean isPhone(String value) {
        String trimmed = value.trim();
        int digits = phone(trimmed).length();
        return digits >= 5 && digits <= 20 && trimmed.length() <= Limits.PHONE && PHONE.matcher(trimmed).matches();
    }

    /**
     * A name reduced to what makes two spellings the same person: no accents, no punctuation, lower case, single
     * spaces. Used for duplicate detection.
     */
    public static String name(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Column sizes of the schema, checked before writing so that the user learns which field is too long. */
    public static final class Limits {
        public static final int NAME = 200;
        public static final int COMPANY = 200;
        public static final int COUNTRY = 100;
        public static final int CITY = 100;
        public static final int LANGUAGE = 35;
        public static final int EMAIL = 254;
        public static final int PHONE = 50;
        public static final int CONTACT = 254;
        public static final int LABEL = 100;
        public static final int TAG = 100;
        public static final int FIELD_NAME = 100;
        public static final int FIELD_VALUE = 1000;

        private Limits() {
        }
    }

    private Normalize() {
    }
}
