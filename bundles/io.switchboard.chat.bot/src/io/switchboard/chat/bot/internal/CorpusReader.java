package io.switchboard.chat.bot.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import io.switchboard.chat.LearnReport.Rejection;
import io.switchboard.chat.StatementPair;
import io.switchboard.core.csv.CsvFile;

/**
 * Reads ChatterBot corpus files: YAML with {@code categories} and {@code conversations}, a list of conversations,
 * each a list of statements in which every statement answers the one before it. Only plain YAML (no tags that
 * construct objects) is read.
 */
final class CorpusReader {

    /** Largest corpus file read (ChatterBot's largest is below 100 kB). */
    static final int MAX_FILE_CODE_POINTS = 50 << 20;

    private CorpusReader() {
    }

    /** The corpus files: the file itself, or every .yml/.yaml file under the folder, in name order. */
    static List<Path> files(Path fileOrFolder) throws IOException {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        try (Stream<Path> walk = Files.walk(fileOrFolder)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yml") || name.endsWith(".yaml");
            }).sorted().toList();
        }
    }

    /**
     * The pairs of one file, or a rejection of the whole file (added to {@code rejected}) and an empty list.
     *
     * @param name the file as the report names it
     */
    static List<StatementPair> read(Path file, String name, List<Rejection> rejected) {
        Object document;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        options.setAllowDuplicateKeys(true);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file),
                CsvFile.strictUtf8())) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            long line = mark == null ? 0 : mark.getLine() + 1;
            rejected.add(new Rejection(name, line, NLS.bind(Messages.Corpus_malformed, oneLine(e.getProblem()))));
            return List.of();
        } catch (YAMLException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof CharacterCodingException ? Messages.Corpus_notUtf8 : e.getMessage();
            rejected.add(new Rejection(name, 0, NLS.bind(Messages.Corpus_malformed, oneLine(reason))));
            return List.of();
        } catch (IOException e) {
            rejected.add(new Rejection(name, 0, NLS.bind(Messages.Corpus_cannotRead, oneLine(reason(e)))));
            return List.of();
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("conversations") instanceof List<?> conversations)) {
            rejected.add(new Rejection(name, 0, Messages.Corpus_noConversations));
            return List.of();
        }
        List<StatementPair> pairs = new ArrayList<>();
        int number = 0;
        for (Object conversation : conversations) {
            number++;
            if (!(conversation instanceof List<?> statements)) {
                rejected.add(new Rejection(name, 0, NLS.bind(Messages.Corpus_badConversation, number)));
                continue;
            }
            String previous = null;
            for (Object statement : statements) {
                String text = statement == null || statement instanceof Map || statement instanceof List ? null
                        : statement.toString().strip();
                if (text == null || text.isEmpty()) {
                    previous = null;
                    continue;
                }
                if (previous != null) {
                    pairs.add(new StatementPair(previous, text));
                }
                previous = text;
            }
        }
        return pairs;
    }

    static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
