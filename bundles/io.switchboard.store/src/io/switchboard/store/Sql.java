package io.switchboard.store;

/** Small helpers for portable SQL. */
public final class Sql {

    /** The escape clause that goes with {@link #escapeLike(String)}. */
    public static final String LIKE_ESCAPE = " ESCAPE '\\'";

    /**
     * Makes user text match literally inside a LIKE pattern: {@code %}, {@code _} and the escape character lose
     * their meaning. The text must still be passed as a parameter, never concatenated into SQL.
     */
    public static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private Sql() {
    }
}
