package io.switchboard.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.internal.Messages;

/**
 * What every CSV import does with its file before and while reading it: the whole file is checked to be strict
 * UTF-8 before anything is written (a file in another encoding is refused as a whole, naming the line, instead of
 * being half imported), hashed (the SHA-256 of its bytes identifies it) and its lines counted (for progress);
 * then it is read with the same strict decoding.
 */
public final class CsvFile {

    /** The file's SHA-256 (hex) and its number of lines, at least the number of records. */
    public record Check(String sha256, long lines) {
    }

    private CsvFile() {
    }

    /**
     * Reads the whole file once.
     *
     * @throws IOException with a one-line message naming the file: missing, unreadable, or not UTF-8 (with the line)
     */
    public static Check check(Path file) throws IOException {
        MessageDigest digest = sha256();
        CharsetDecoder decoder = strictUtf8();
        ByteBuffer bytes = ByteBuffer.allocate(1 << 20);
        CharBuffer chars = CharBuffer.allocate(1 << 20);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = n < 0;
                if (n > 0) {
                    digest.update(bytes.array(), bytes.position(), n);
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                line += newlines(chars);
                if (result.isError()) {
                    throw new Refused(NLS.bind(Messages.Csv_notUtf8, file, line));
                }
                bytes.compact();
                if (end) {
                    break;
                }
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        return new Check(HexFormat.of().formatHex(digest.digest()), line);
    }

    /**
     * A reader of the file that fails on bytes that are not UTF-8 (a file changed since {@link #check} was made).
     */
    public static CsvReader open(Path file, int maxFieldLength) throws IOException {
        try {
            return new CsvReader(new InputStreamReader(Files.newInputStream(file), strictUtf8()), maxFieldLength);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** A UTF-8 decoder that reports malformed input instead of replacing it. */
    public static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The message for a file that could not be read: one line naming the file and the reason. */
    public static IOException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IOException(NLS.bind(Messages.Csv_notFound, file), e);
        }
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException(NLS.bind(Messages.Csv_cannotRead, file, reason), e);
    }

    /** The message for bytes that are not UTF-8, found while reading records (near {@code line}). */
    public static IOException notUtf8(Path file, long line, IOException e) {
        return new IOException(NLS.bind(Messages.Csv_notUtf8, file, line), e);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int newlines(CharBuffer chars) {
        int count = 0;
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                count++;
            }
        }
        chars.clear();
        return count;
    }

    /** The file was read but cannot be imported; the message is already the one for the user. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
