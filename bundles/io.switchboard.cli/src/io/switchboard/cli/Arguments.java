package io.switchboard.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import io.switchboard.cli.internal.Messages;

/**
 * A command's arguments split into options and positional words. Options are {@code --name value},
 * {@code --name=value} or bare flags; {@code --} ends the options. Anything not declared is a usage error that
 * names the offending word, so every command rejects typos the same way.
 */
public final class Arguments {

    /** The value of a limit option that means "no limit", see {@link #limitOption}. */
    public static final String ALL = "all";

    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> positional;

    private Arguments(Map<String, String> values, Set<String> flags, List<String> positional) {
        this.values = values;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * @param words         what follows the command's name
     * @param valueOptions  options that take a value, with their dashes ({@code "--limit"})
     * @param flagOptions   options without a value ({@code "--dry-run"})
     */
    public static Arguments parse(List<String> words, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
                positional.add(word);
            } else if (word.equals("--")) {
                optionsEnded = true;
            } else {
                int equals = word.indexOf('=');
                String name = equals > 0 ? word.substring(0, equals) : word;
                if (valueOptions.contains(name)) {
                    String value;
                    if (equals > 0) {
                        value = word.substring(equals + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw new UsageException(NLS.bind(Messages.Arguments_missingValue, name));
                    }
                    values.put(name, value);
                } else if (flagOptions.contains(name) && equals < 0) {
                    flags.add(name);
                } else {
                    throw new UsageException(NLS.bind(Messages.Arguments_unknownOption, word));
                }
            }
        }
        return new Arguments(values, flags, Collections.unmodifiableList(positional));
    }

    /** Options only: like {@link #parse}, and any positional word is a usage error naming it. */
    public static Arguments parseOptions(List<String> words, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Arguments arguments = parse(words, valueOptions, flagOptions);
        arguments.expectPositional();
        return arguments;
    }

    /** For a command that takes no arguments at all: any option or word is a usage error naming it. */
    public static void expectNone(List<String> words) throws UsageException {
        parseOptions(words, Set.of(), Set.of());
    }

    /** The option's value, or {@code null} when it was not given. */
    public String option(String name) {
        return values.get(name);
    }

    public String option(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** A whole-number option; a value that is no number, or below {@code min}, is a usage error naming both. */
    public int intOption(String name, int defaultValue, int min) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min) {
                throw new UsageException(NLS.bind(Messages.Arguments_tooSmall, new Object[] { name, value, min }));
            }
            return number;
        } catch (NumberFormatException e) {
            if (value.trim().matches("[+-]?\\d+")) {
                // A whole number, only too large for the option: say which numbers it takes.
                throw new UsageException(NLS.bind(Messages.Arguments_outOfRange,
                        new Object[] { name, value.trim(), Integer.toString(min), Integer.toString(Integer.MAX_VALUE) }));
            }
            throw new UsageException(NLS.bind(Messages.Arguments_notANumber, name, value));
        }
    }

    /**
     * A {@code --limit}-style option: a whole number of at least 1, or {@code all} (any case) for no limit, returned
     * as {@link Long#MAX_VALUE}. Zero is refused rather than read as "no limit": {@code all} says that without
     * surprising anyone. Anything else is a usage error naming the option and the value.
     */
    public long limitOption(String name, long defaultValue) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value.trim().equalsIgnoreCase(ALL)) {
            return Long.MAX_VALUE;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a number that is too small
        }
        throw new UsageException(NLS.bind(Messages.Arguments_badLimit, name, value));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public List<String> positional() {
        return positional;
    }

    /**
     * Exactly {@code names.length} positional words, else a usage error naming the first missing one (or the
     * first extra one).
     */
    public List<String> expectPositional(String... names) throws UsageException {
        if (positional.size() < names.length) {
            throw new UsageException(NLS.bind(Messages.Arguments_missingArgument, names[positional.size()]));
        }
        if (positional.size() > names.length) {
            throw new UsageException(NLS.bind(Messages.Arguments_unexpectedArgument, positional.get(names.length)));
        }
        return positional;
    }
}
