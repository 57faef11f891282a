package io.switchboard.ui.forms;

import java.lang.reflect.Field;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

/**
 * The texts of an enum's values in the agent's language, in the enum's order (the order of the combos that offer
 * them). The texts stay in each bundle's own messages class, under the key {@code Prefix_constantInCamelCase}
 * ({@code Status_inProgress} for {@code IN_PROGRESS}): the bundles name the same enum differently (a ticket's
 * "Reply" is a customer timeline's "Outbound"), and one convention spares every bundle its own mapping code.
 *
 * @param <E> the enum
 */
public final class EnumLabels<E extends Enum<E>> {

    private final List<E> values;
    private final Map<E, String> texts;

    private EnumLabels(List<E> values, Map<E, String> texts) {
        this.values = values;
        this.texts = texts;
    }

    /**
     * @throws IllegalStateException when the messages class lacks a value's key: a new enum value must get a text
     *             before the bundle runs, not show up empty
     */
    public static <E extends Enum<E>> EnumLabels<E> fromMessages(Class<E> type, Class<? extends NLS> messages,
            String prefix) {
        Map<E, String> texts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            String key = prefix + "_" + camelCase(value.name());
            try {
                Field field = messages.getField(key);
                texts.put(value, (String) field.get(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(messages.getName() + " has no text " + key + " for " + value, e);
            }
        }
        return new EnumLabels<>(List.of(type.getEnumConstants()), texts);
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 || word.isEmpty() ? word
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** The value's text; nothing for no value. */
    public String text(E value) {
        return value == null ? "" : texts.get(value);
    }

    /** All texts in the enum's order, as a combo lists them. */
    public String[] texts() {
        return values.stream().map(texts::get).toArray(String[]::new);
    }

    public List<E> values() {
        return values;
    }

    /** The value a combo of {@link #texts()} has selected; the first when it has none. */
    public E selected(int selectionIndex) {
        return values.get(Math.max(0, selectionIndex));
    }

    /** Where a value stands in {@link #texts()}, -1 for none. */
    public int indexOf(E value) {
        return values.indexOf(value);
    }
}
