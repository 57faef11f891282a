package io.switchboard.ui.forms;

import java.util.LinkedHashSet;
import java.util.Set;

/** How the editors turn stored values into field texts and back. */
public final class FieldTexts {

    private FieldTexts() {
    }

    /** A text field cannot show {@code null}. */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** What the agent typed, trimmed; a blank field stores nothing rather than spaces. */
    public static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The tags typed as "a, b, c", in the order typed and each once. */
    public static Set<String> tags(String typed) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : typed.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags;
    }
}
