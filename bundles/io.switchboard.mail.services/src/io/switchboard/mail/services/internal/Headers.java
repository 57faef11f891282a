package io.switchboard.mail.services.internal;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.eclipse.osgi.util.NLS;

/** Checks of what goes into a header: strict addresses, no CR/LF (no header injection). */
final class Headers {

    private Headers() {
    }

    /** Refuses a header value holding CR or LF, naming the field. */
    static void noLineBreaks(String field, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_lineBreak, field));
        }
    }

    /** One address, parsed strictly (RFC 822 syntax), naming it when invalid. */
    static InternetAddress address(String field, String value) {
        noLineBreaks(field, value);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_required, field));
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(value.strip(), true);
            if (parsed.length != 1) {
                throw new AddressException(Messages.Mail_oneAddress, value);
            }
            parsed[0].validate();
            String address = parsed[0].getAddress();
            if (address == null || address.indexOf('@') <= 0 || address.endsWith("@")) {
                throw new AddressException(Messages.Mail_missingDomain, value);
            }
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_badAddress,
                    new Object[] { field, value.strip(), e.getMessage() }), e);
        }
    }
}
