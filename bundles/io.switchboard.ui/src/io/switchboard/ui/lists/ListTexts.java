package io.switchboard.ui.lists;

import java.text.NumberFormat;

import org.eclipse.osgi.util.NLS;

/**
 * A list's texts, from the part's own messages. The count of matches reads differently when a search or filter
 * narrows the list ("3 matches") and when it shows everything ("3 customers").
 *
 * @param failed the store did not answer; {0} is why
 * @param many with {0} the number
 * @param matches with {0} the number
 */
public record ListTexts(String searchHint, String loading, String notSortable, String failed, String empty,
        String one, String many, String noMatches, String oneMatch, String matches) {

    public String count(long count, boolean filtered) {
        if (count == 0) {
            return filtered ? noMatches : empty;
        }
        if (count == 1) {
            return filtered ? oneMatch : one;
        }
        return NLS.bind(filtered ? matches : many, NumberFormat.getIntegerInstance().format(count));
    }
}
