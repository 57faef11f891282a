package io.switchboard.customers.search;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Tokens computed up front, with their position increments. The grams are cut by {@link SearchText} rather than
 * by an analyzer so that indexing and querying share one piece of code.
 */
final class TokenListStream extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final List<String> tokens;
    private final int[] increments;
    private int next;

    TokenListStream(List<String> tokens, int[] increments) {
        this.tokens = tokens;
        this.increments = increments;
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(tokens.get(next));
        increment.setPositionIncrement(increments[next]);
        next++;
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }
}
