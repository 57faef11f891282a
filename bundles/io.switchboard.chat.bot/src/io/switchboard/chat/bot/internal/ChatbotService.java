package io.switchboard.chat.bot.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.LearnReport;
import io.switchboard.chat.StatementPair;
import io.switchboard.core.DataFolder;
import io.switchboard.core.Progress;
import io.switchboard.core.Settings;

/**
 * The {@link Chatbot} service over {@link Bot}. Delayed (not immediate): nothing is read from the data folder
 * until the bot is first asked or taught, so the workbench and the command line start without it.
 */
@Component(service = Chatbot.class)
public class ChatbotService implements Chatbot {

    /** The preference (in the data folder's settings) below which the bot hands over, 0..1. */
    public static final String THRESHOLD_KEY = "chat.threshold";
    /** The folder of the data folder where the bot keeps what it learned. */
    public static final String FOLDER = "chat";
    /** How long a threshold read from the settings is used before it is read again. */
    private static final long THRESHOLD_REFRESH_NANOS = 2_000_000_000L;

    @Reference
    private DataFolder dataFolder;

    @Reference
    private Settings settings;

    private volatile Bot bot;
    private volatile double cachedThreshold = Double.NaN;
    private volatile long thresholdReadAt;

    private Bot bot() {
        Bot current = bot;
        if (current == null) {
            synchronized (this) {
                if (bot == null) {
                    bot = new Bot(this::folder, this::threshold);
                }
                current = bot;
            }
        }
        return current;
    }

    @Deactivate
    void deactivate() {
        Bot current = bot;
        if (current != null) {
            current.close();
        }
    }

    private Path folder() {
        return dataFolder.resolve(FOLDER);
    }

    @Override
    public LearnReport learnCorpus(Path fileOrFolder, Progress progress) {
        return bot().learnCorpus(fileOrFolder, progress);
    }

    @Override
    public LearnReport learnPairs(Path csvFile, Progress progress) {
        return bot().learnPairs(csvFile, progress);
    }

    @Override
    public LearnReport learn(List<StatementPair> pairs, String source) {
        return bot().learn(pairs, source);
    }

    @Override
    public BotAnswer answer(String message) {
        return bot().answer(message);
    }

    @Override
    public List<BotAnswer> suggest(String message, int limit) {
        return bot().suggest(message, limit);
    }

    @Override
    public double threshold() {
        long now = System.nanoTime();
        double value = cachedThreshold;
        if (Double.isNaN(value) || now - thresholdReadAt > THRESHOLD_REFRESH_NANOS) {
            value = parseThreshold(settings.get(THRESHOLD_KEY).orElse(null));
            cachedThreshold = value;
            thresholdReadAt = now;
        }
        return value;
    }

    /** The threshold a setting names; anything but a number in 0..1 is the default. */
    static double parseThreshold(String value) {
        if (value != null) {
            try {
                double threshold = Double.parseDouble(value.trim());
                if (threshold >= 0 && threshold <= 1) {
                    return threshold;
                }
            } catch (NumberFormatException e) {
                // the default below
            }
        }
        return Bot.DEFAULT_THRESHOLD;
    }

    @Override
    public long size() {
        return bot().size();
    }

    @Override
    public void clear() {
        bot().clear();
    }
}
