package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.net.SocketException;
import java.time.Instant;

import javax.mail.MessagingException;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.util.MailConnectException;

/**
 * What became of one attempt: sent (perhaps to some recipients only), to be retried, or failed for good.
 *
 * @param reason the server's or network's reason; for a partial send, the rejected recipients and why
 */
record SendResult(long id, Outcome outcome, String reason, Instant nextAttempt) {

    enum Outcome {
        SENT, RETRY, FAILED
    }

    static SendResult sent(long id, String reason) {
        return new SendResult(id, Outcome.SENT, reason, null);
    }

    static SendResult retry(long id, String reason, Instant next) {
        return new SendResult(id, Outcome.RETRY, reason, next);
    }

    static SendResult failed(long id, String reason) {
        return new SendResult(id, Outcome.FAILED, reason, null);
    }

    /** The SMTP reply code in the exception's chain, or 0 when there is none (a network failure). */
    static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    /** Whether trying again later may help: 4xx replies and lost or refused connections. */
    static boolean temporary(Throwable e) {
        int code = replyCode(e);
        if (code >= 500) {
            return false;
        }
        if (code >= 400) {
            return true;
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof IOException || t instanceof SocketException || t instanceof MailConnectException) {
                return true;
            }
        }
        // No reply code and no network error: Jakarta Mail's own "not connected" and the like.
        return true;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** One line: the deepest useful message (the server's reply when there is one). */
    static String reason(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = next(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (best == null || t instanceof SMTPSendFailedException || t instanceof SMTPAddressFailedException) {
                    best = t.getMessage();
                }
            }
        }
        if (best == null) {
            best = e.getClass().getSimpleName();
        }
        best = best.replaceAll("\\s+", " ").strip();
        return best.length() > MailSchema.ERROR ? best.substring(0, MailSchema.ERROR) : best;
    }
}
