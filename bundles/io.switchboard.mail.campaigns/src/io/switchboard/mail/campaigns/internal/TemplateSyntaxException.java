package io.switchboard.mail.campaigns.internal;

/**
 * A template that cannot be read: an unclosed or empty {@code ${...}}, or a placeholder that is not one of the known
 * names. Says where (line and column of the text it was found in) so a template file's reader can name the file's
 * line.
 */
public class TemplateSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    public TemplateSyntaxException(int line, int column, String reason) {
        super(org.eclipse.osgi.util.NLS.bind(Messages.Template_syntax, new Object[] { line, column, reason }));
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based line within the text (subject or body) that holds the error. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
