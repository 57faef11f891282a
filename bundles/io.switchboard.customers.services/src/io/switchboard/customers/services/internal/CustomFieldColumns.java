package io.switchboard.customers.services.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.store.Sql;

/**
 * A customer's custom fields as two columns of the customer's own row: {@code custom_fields} keeps names and values
 * as entered, in their order; {@code custom_field_keys} their normalised forms, each entry framed so that a filter
 * is one {@code LIKE} on the row. One row per customer instead of one per field is what lets a bulk import write a
 * million customers without Derby sorting millions of field rows into their indexes; the text index answers the
 * filters, and the SQL fallback scans.
 *
 * <p>Control characters separate the parts, so ordinary text (URLs, paths, {@code =} signs) is stored as it is;
 * the three control characters used are escaped when a value contains them.
 */
public final class CustomFieldColumns {

    /** Derby's longest VARCHAR; both columns have this size. */
    static final int MAX_LENGTH = 32_672;

    private static final char ENTRY_END = '\u001E';
    private static final char VALUE_START = '\u001F';
    private static final char ESCAPE = '\u0010';

    /** The names and values, or {@code null} for none. */
    public static String pack(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        StringBuilder packed = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            escape(packed, field.getKey());
            if (field.getValue() != null) {
                packed.append(VALUE_START);
                escape(packed, field.getValue());
            }
            packed.append(ENTRY_END);
        }
        return packed.toString();
    }

    /** The normalised names and values, each entry between two entry marks; {@code null} for none. */
    public static String packKeys(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        StringBuilder packed = new StringBuilder().append(ENTRY_END);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            escape(packed, Normalize.text(field.getKey()));
            packed.append(VALUE_START);
            if (field.getValue() != null) {
                escape(packed, Normalize.text(field.getValue()));
            }
            packed.append(ENTRY_END);
        }
        return packed.toString();
    }

    /** Whether both columns can hold these fields. */
    static boolean fits(Map<String, String> fields) {
        if (fields == null) {
            return true;
        }
        // Lower case makes a character at most two, escaping doubles it again, and each entry adds two marks: a
        // set within that bound fits without being packed (an import checks every row).
        long bound = 1;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            bound += 4L * field.getKey().length() + (field.getValue() == null ? 0 : 4L * field.getValue().length()) + 2;
        }
        if (bound <= MAX_LENGTH) {
            return true;
        }
        String packed = pack(fields);
        String keys = packKeys(fields);
        return (packed == null || packed.length() <= MAX_LENGTH) && (keys == null || keys.length() <= MAX_LENGTH);
    }

    /** The fields of a {@link #pack packed} column, in their order. */
    static Map<String, String> unpack(String packed) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (packed == null) {
            return fields;
        }
        StringBuilder part = new StringBuilder();
        String name = null;
        for (int i = 0; i < packed.length(); i++) {
            char c = packed.charAt(i);
            if (c == ESCAPE && i + 1 < packed.length()) {
                part.append(packed.charAt(++i));
            } else if (c == VALUE_START && name == null) {
                name = part.toString();
                part.setLength(0);
            } else if (c == ENTRY_END) {
                if (name == null) {
                    fields.put(part.toString(), null);
                } else {
                    fields.put(name, part.toString());
                }
                name = null;
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        return fields;
    }

    /** A {@code LIKE} pattern (with {@link Sql#LIKE_ESCAPE}) for rows that have the field, whatever its value. */
    static String likeName(String name) {
        StringBuilder entry = new StringBuilder().append(ENTRY_END);
        escape(entry, Normalize.text(name));
        entry.append(VALUE_START);
        return "%" + Sql.escapeLike(entry.toString()) + "%";
    }

    /** A {@code LIKE} pattern (with {@link Sql#LIKE_ESCAPE}) for rows whose field has this value. */
    static String likeValue(String name, String value) {
        StringBuilder entry = new StringBuilder().append(ENTRY_END);
        escape(entry, Normalize.text(name));
        entry.append(VALUE_START);
        escape(entry, Normalize.text(value));
        entry.append(ENTRY_END);
        return "%" + Sql.escapeLike(entry.toString()) + "%";
    }

    private static void escape(StringBuilder out, String text) {
        int plain = 0;
        while (plain < text.length() && !isMark(text.charAt(plain))) {
            plain++;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ENTRY_END || c == VALUE_START || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
    }

    private static boolean isMark(char c) {
        return c == ENTRY_END || c == VALUE_START || c == ESCAPE;
    }

    private CustomFieldColumns() {
    }
}
