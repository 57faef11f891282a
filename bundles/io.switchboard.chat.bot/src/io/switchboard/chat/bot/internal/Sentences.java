package io.switchboard.chat.bot.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The bot's own sentences in the language of the question, whatever the language the program runs in: the
 * hand-over is said in Chinese to a customer who wrote in Chinese. Read from the same {@code messages*.properties}
 * as {@link Messages}.
 */
final class Sentences {

    private static final Properties ENGLISH = load("messages.properties");
    private static final Properties CHINESE = load("messages_zh.properties");

    private Sentences() {
    }

    static String handOver(String language) {
        return (Terms.CHINESE.equals(language) ? CHINESE : ENGLISH).getProperty("Bot_handOver");
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Sentences.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
