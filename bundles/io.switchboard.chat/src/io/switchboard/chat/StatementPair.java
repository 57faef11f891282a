package io.switchboard.chat;

import java.util.Objects;

/** One thing the bot learns: when someone says {@code statement}, answer {@code response}. */
public record StatementPair(String statement, String response) {

    public StatementPair {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(response, "response");
    }
}
