package io.switchboard.mail.fetch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.switchboard.mail.fetch.internal.HtmlText;

class HtmlTextTest {

    @Test
    void tagsAreDroppedAndBlocksBecomeLines() {
        assertEquals("Hello\nWorld", HtmlText.toText("<div>Hello</div><div>World</div>"));
        assertEquals("a\nb", HtmlText.toText("a<br>b"));
        assertEquals("a\nb", HtmlText.toText("a<BR/>b"));
        assertEquals("First\n\nSecond", HtmlText.toText("<p>First</p><p>Second</p>"));
        assertEquals("- x\n- y", HtmlText.toText("<ul><li>x<li>y</ul>"));
        assertEquals("bold and link", HtmlText.toText("<b>bold</b>  and\n <a href=\"x>y\">link</a>"));
    }

    @Test
    void entitiesAreDecoded() {
        assertEquals("a & b < c > d \" ' \u20ac \u00e9 \u4e2d", HtmlText.toText(
                "a &amp; b &lt; c &gt; d &quot; &#39; &euro; &#xE9; &#20013;"));
        assertEquals("x y", HtmlText.toText("x&nbsp;y"));
        assertEquals("&unknown; & alone", HtmlText.toText("&unknown; & alone"));
    }

    @Test
    void scriptsStylesHeadAndCommentsAreLeftOut() {
        assertEquals("Body", HtmlText.toText("<html><head><title>T</title><style>b{}</style></head>"
                + "<body><!-- hidden --><script>var a = '<p>';</script>Body</body></html>"));
    }

    @Test
    void brokenMarkupGivesText() {
        assertEquals("1 < 2 and 3", HtmlText.toText("1 < 2 and <i>3"));
        assertEquals("open", HtmlText.toText("open<div class=\"never closed"));
        assertEquals("", HtmlText.toText("<script>never closed"));
        assertEquals("", HtmlText.toText(""));
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertEquals("a  b\nc", HtmlText.toText("<pre>a  b\nc</pre>"));
    }
}
