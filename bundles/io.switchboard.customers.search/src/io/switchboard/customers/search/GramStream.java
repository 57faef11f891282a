package io.switchboard.customers.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The grams of one customer's {@link Words}, cut straight into the term buffer. Grams are cut here (and by
 * {@link SearchText#grams} for queries, the same way) rather than by an analyzer so that indexing and querying
 * agree; one stream serves document after document, since setting up a token stream's attributes costs more than
 * cutting a customer's grams.
 */
final class GramStream extends TokenStream {

    /**
     * Trigrams of each word with positions, a word's first one {@code wordGap} positions after the last gram of
     * the word before; a word of one or two characters is one gram; a word of three or more ends with its last two
     * characters and {@link #WORD_END}, so that every pair of characters of a word begins some gram. Or SINGLES:
     * each character beyond ASCII of the customer's words, once, without positions.
     */
    enum Kind {
        TRIGRAMS, SINGLES
    }

    /** Never part of a query's word, since queries are cut into words at commas: only ends what it pads. */
    static final char WORD_END = ',';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Kind kind;
    private final int wordGap;
    private Words words;
    private int word;
    /** Where the next gram starts, from the word's start; for SINGLES, the next character of all the words. */
    private int at;
    private boolean any;

    GramStream(Kind kind, int wordGap) {
        this.kind = kind;
        this.wordGap = wordGap;
    }

    /** The stream's next document. */
    GramStream of(Words words) {
        this.words = words;
        return this;
    }

    @Override
    public void reset() {
        word = 0;
        at = 0;
        any = false;
    }

    @Override
    public boolean incrementToken() {
        return kind == Kind.TRIGRAMS ? nextTrigram() : nextSingle();
    }

    private boolean nextTrigram() {
        if (word >= words.count()) {
            return false;
        }
        int length = words.length(word);
        int start = words.start(word);
        clearAttributes();
        increment.setPositionIncrement(at == 0 && any ? wordGap : 1);
        any = true;
        if (length < 3) {
            emit(start, length);
            nextWord();
        } else if (at + 3 <= length) {
            emit(start + at, 3);
            at++;
        } else {
            emit(start + at, 2);
            term.append(WORD_END);
            nextWord();
        }
        return true;
    }

    private void nextWord() {
        word++;
        at = 0;
    }

    /** Each character beyond ASCII once; ASCII ones are in {@link AsciiCharacters}. */
    private boolean nextSingle() {
        while (at < words.size()) {
            int point = words.point(at++);
            if (!AsciiCharacters.isAscii(point) && !occursBefore(point, at - 1)) {
                clearAttributes();
                emit(at - 1, 1);
                return true;
            }
        }
        return false;
    }

    private boolean occursBefore(int point, int end) {
        for (int i = 0; i < end; i++) {
            if (words.point(i) == point) {
                return true;
            }
        }
        return false;
    }

    private void emit(int start, int n) {
        char[] buffer = term.resizeBuffer(2 * n + 1);
        int length = 0;
        for (int i = start; i < start + n; i++) {
            length += Character.toChars(words.point(i), buffer, length);
        }
        term.setLength(length);
    }
}
