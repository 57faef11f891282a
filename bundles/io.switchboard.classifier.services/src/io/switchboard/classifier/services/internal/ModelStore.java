package io.switchboard.classifier.services.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.osgi.util.NLS;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.ModelInfo;

/**
 * Model versions in a folder: {@code <version>/model.bin} with {@code <version>/model.properties} (date, data
 * size, settings, metrics, SHA-256 of the model file), and {@code active} naming the version in use.
 *
 * <p>Every write goes to a temporary name first and is moved into place atomically, and a version is only
 * activated after its file has been read back and its checksum matched: a crash, a full disk or a damaged file
 * can cost the new version, never the active one.
 */
public final class ModelStore {

    static final String MODEL_FILE = "model.bin";
    static final String INFO_FILE = "model.properties";
    static final String ACTIVE_FILE = "active";
    private static final DateTimeFormatter VERSION_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path folder;

    public ModelStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Stores a model as a new version (not yet active) and returns its description. */
    public synchronized ModelInfo save(LinearModel model, Instant created, int texts, Map<String, String> settings,
            Map<String, Double> metrics) throws ClassifierException {
        String version = newVersion(created);
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempDirectory(folder, ".tmp-" + version + "-");
            MessageDigest digest = sha256();
            Path modelFile = tmp.resolve(MODEL_FILE);
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(modelFile), digest)) {
                ModelFile.write(model, out);
            }
            force(modelFile);
            Properties properties = new Properties();
            properties.setProperty("version", version);
            properties.setProperty("created", created.toString());
            properties.setProperty("texts", Integer.toString(texts));
            properties.setProperty("categories", String.join("\n", model.labels));
            properties.setProperty("sha256", ModelFile.hex(digest.digest()));
            properties.setProperty("size", Long.toString(Files.size(modelFile)));
            settings.forEach((k, v) -> properties.setProperty("settings." + k, v));
            metrics.forEach((k, v) -> properties.setProperty("metrics." + k, Double.toString(v)));
            Path infoFile = tmp.resolve(INFO_FILE);
            try (Writer writer = Files.newBufferedWriter(infoFile, StandardCharsets.UTF_8)) {
                properties.store(writer, "Switchboard ticket classifier model");
            }
            force(infoFile);
            move(tmp, folder.resolve(version));
            tmp = null;
        } catch (IOException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_cannotSave, folder, e.getMessage()), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
        return info(version, activeVersion().orElse(null));
    }

    /** Reads a version's model, checking its checksum first. */
    public LinearModel load(String version) throws ClassifierException {
        Path dir = versionDir(version);
        Properties properties = properties(version);
        String expected = properties.getProperty("sha256", "");
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(modelFile)) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_missingFile, version, modelFile));
        }
        MessageDigest digest = sha256();
        LinearModel model;
        try (InputStream in = new DigestInputStream(Files.newInputStream(modelFile), digest)) {
            model = ModelFile.read(in);
        } catch (IOException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_damaged, new Object[] { version, modelFile,
                    e.getMessage() }), e);
        }
        if (!ModelFile.hex(digest.digest()).equals(expected)) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_damaged, new Object[] { version, modelFile,
                    Messages.ModelStore_checksum }));
        }
        return model;
    }

    /** Makes {@code version} active after loading it whole; returns the loaded model. */
    public synchronized LinearModel activate(String version) throws ClassifierException {
        LinearModel model;
        try {
            model = load(version);
        } catch (ClassifierException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_notActivated, e.getMessage()), e);
        }
        try {
            Path tmp = Files.createTempFile(folder, ".tmp-active-", "");
            Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
            force(tmp);
            Files.move(tmp, folder.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_cannotSave, folder, e.getMessage()), e);
        }
        return model;
    }

    public Optional<String> activeVersion() throws ClassifierException {
        Path file = folder.resolve(ACTIVE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String version = Files.readString(file, StandardCharsets.UTF_8).trim();
            return version.isEmpty() ? Optional.empty() : Optional.of(version);
        } catch (IOException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_cannotRead, file, e.getMessage()), e);
        }
    }

    /** Every stored version, oldest first; folders without a readable description are left out. */
    public List<ModelInfo> list() throws ClassifierException {
        String active = activeVersion().orElse(null);
        List<ModelInfo> infos = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return infos;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder, p -> Files.isDirectory(p)
                && !p.getFileName().toString().startsWith("."))) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(INFO_FILE))) {
                    infos.add(info(dir.getFileName().toString(), active));
                }
            }
        } catch (IOException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_cannotRead, folder, e.getMessage()), e);
        }
        infos.sort(Comparator.comparing(ModelInfo::version));
        return infos;
    }

    public ModelInfo info(String version) throws ClassifierException {
        return info(version, activeVersion().orElse(null));
    }

    private ModelInfo info(String version, String active) throws ClassifierException {
        Properties p = properties(version);
        Map<String, String> settings = new TreeMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith("settings.")) {
                settings.put(key.substring(9), p.getProperty(key));
            } else if (key.startsWith("metrics.")) {
                try {
                    metrics.put(key.substring(8), Double.parseDouble(p.getProperty(key)));
                } catch (NumberFormatException e) {
                    // an edited metric is not worth refusing the model for
                }
            }
        }
        Instant created;
        int texts;
        long size;
        try {
            created = Instant.parse(p.getProperty("created", ""));
            texts = Integer.parseInt(p.getProperty("texts", "0"));
            size = Long.parseLong(p.getProperty("size", "0"));
        } catch (RuntimeException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_damaged, new Object[] { version,
                    versionDir(version).resolve(INFO_FILE), e.getMessage() }), e);
        }
        String categories = p.getProperty("categories", "");
        return new ModelInfo(version, created, version.equals(active), texts,
                categories.isEmpty() ? List.of() : Arrays.asList(categories.split("\n")), settings, metrics, size,
                !intact(versionDir(version).resolve(MODEL_FILE), p.getProperty("sha256", "")));
    }

    /** Whether the model file is there and matches its checksum; reading a model's bytes costs milliseconds. */
    private static boolean intact(Path modelFile, String expected) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(modelFile), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return false;
        }
        return ModelFile.hex(digest.digest()).equals(expected);
    }

    private Properties properties(String version) throws ClassifierException {
        Path file = versionDir(version).resolve(INFO_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_noSuchVersion, version, folder));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_damaged, new Object[] { version, file,
                    e.getMessage() }), e);
        }
        return properties;
    }

    private Path versionDir(String version) throws ClassifierException {
        // a version is a plain name; anything else could point outside the models folder
        if (!version.matches("[0-9A-Za-z][0-9A-Za-z._-]*")) {
            throw new ClassifierException(NLS.bind(Messages.ModelStore_noSuchVersion, version, folder));
        }
        return folder.resolve(version);
    }

    private String newVersion(Instant created) {
        String base = VERSION_FORMAT.format(created);
        String version = base;
        for (int i = 2; Files.exists(folder.resolve(version)); i++) {
            version = base + String.format("-%02d", i); // two digits keep the names sorted by time
        }
        return version;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover ".tmp-" folder is ignored by list() and harmless
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
