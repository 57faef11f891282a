package io.switchboard.chat.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a browser keeps (in {@code sessionStorage}) to resume its conversation after a reconnect: the
 * conversation's id signed with a key of this server, so a customer cannot take over another's conversation by
 * guessing ids. Nothing is stored; a token of another key (an earlier run of the server) is simply not valid.
 */
final class ConversationTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    ConversationTokens() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    String issue(long conversationId) {
        return conversationId + "." + signature(conversationId);
    }

    /** The conversation of a token this server issued; empty for anything else. */
    OptionalLong verify(String token) {
        if (token == null || token.length() > 100) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return id > 0 && MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String signature(long id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
