package io.switchboard.chat.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Serves the chat page and its script and style sheet from the bundle's {@code web/} folder. The page is a
 * template: {@code ${key}} becomes the text of {@code page.properties} in the request's language, HTML-escaped.
 * Every response forbids inline script and foreign sources (Content-Security-Policy), so even a message that got
 * into the page as markup could not run.
 */
final class PageHandler extends Handler.Abstract {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z.]+)\\}");

    private final Map<String, byte[]> pages;
    private final byte[] script;
    private final byte[] style;

    PageHandler(int maxTextChars) {
        String template = resource("chat.html");
        this.pages = Map.of("en", render(template, PageTexts.of("en"), maxTextChars), "zh",
                render(template, PageTexts.of("zh"), maxTextChars));
        this.script = resource("chat.js").getBytes(StandardCharsets.UTF_8);
        this.style = resource("chat.css").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        String path = Request.getPathInContext(request);
        byte[] body;
        String type;
        switch (path) {
        case "/", "/index.html" -> {
            Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            String language = PageTexts.choose(query.getValue("lang"),
                    request.getHeaders().getQualityCSV(HttpHeader.ACCEPT_LANGUAGE));
            body = pages.get(language);
            type = "text/html; charset=utf-8";
            response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, language);
            response.getHeaders().put(HttpHeader.VARY, "Accept-Language");
        }
        case "/chat.js" -> {
            body = script;
            type = "text/javascript; charset=utf-8";
        }
        case "/chat.css" -> {
            body = style;
            type = "text/css; charset=utf-8";
        }
        default -> {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (HttpMethod.HEAD.is(method)) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
        return true;
    }

    private static byte[] render(String template, PageTexts texts, int maxTextChars) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = switch (key) {
            case "lang" -> texts.language();
            case "maxChars" -> Integer.toString(maxTextChars);
            case "notice.tooLong" -> texts.format(key, Integer.toString(maxTextChars));
            default -> texts.get(key);
            };
            matcher.appendReplacement(page, Matcher.quoteReplacement(escapeHtml(value)));
        }
        matcher.appendTail(page);
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text for HTML content and double- or single-quoted attribute values. */
    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
            case '&' -> escaped.append("&amp;");
            case '<' -> escaped.append("&lt;");
            case '>' -> escaped.append("&gt;");
            case '"' -> escaped.append("&quot;");
            case '\'' -> escaped.append("&#39;");
            default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String resource(String name) {
        try (InputStream in = PageHandler.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
