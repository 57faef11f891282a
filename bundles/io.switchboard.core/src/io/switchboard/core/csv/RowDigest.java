package io.switchboard.core.csv;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a CSV file's records so far (header first), which recognises rows imported before: the same
 * records up to and including a row give the same digest, whatever the line endings, so the same file again, the
 * rest of an interrupted import and a file with rows appended are told from a file whose earlier rows changed.
 * Imports store the digest with what they wrote (a ticket's import key, a customer import's last line) and
 * compare it with the digest of the file at hand.
 *
 * <p>Stored digests depend on this encoding: it is never changed.
 */
public final class RowDigest {

    private final MessageDigest digest = CsvFile.sha256();
    private final ByteBuffer length = ByteBuffer.allocate(4);

    /** Adds each field, length first, so that no two different records feed the digest the same bytes. */
    public void add(CsvRecord record) {
        List<String> fields = record.fields();
        addLength(fields.size());
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            addLength(bytes.length);
            digest.update(bytes);
        }
    }

    private void addLength(int value) {
        length.clear();
        digest.update(length.putInt(value).array());
    }

    /** The digest of the records added so far, as 64 hex digits; more can be added afterwards. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
