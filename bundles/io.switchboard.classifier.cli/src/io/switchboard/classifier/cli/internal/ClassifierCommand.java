package io.switchboard.classifier.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Output;

/** What the classifier commands share: output formats and turning service errors into one-line failures. */
final class ClassifierCommand {

    static final String DATA = "--data";
    static final String TEXT_COLUMN = "--text-column";
    static final String LABEL_COLUMN = "--label-column";

    private ClassifierCommand() {
    }

    static CommandException fail(ClassifierException e) {
        return new CommandException(e.getMessage(), e);
    }

    static String number(double value) {
        return Output.number(value);
    }

    /** Per-category scores, the most frequent confusions, and last the summary line scripts parse. */
    static void printEvaluation(PrintStream out, Evaluation evaluation) {
        out.println(String.format(Locale.ROOT, "%-40s %9s %9s %9s %7s", "category", "precision", "recall", "f1",
                "n"));
        for (Evaluation.CategoryScore score : evaluation.perCategory()) {
            if (score.support() == 0 && score.precision() == 0) {
                continue;
            }
            out.println(String.format(Locale.ROOT, "%-40s %9.4f %9.4f %9.4f %7d", score.category(), score.precision(),
                    score.recall(), score.f1(), score.support()));
        }
        int[][] confusion = evaluation.confusion();
        int k = confusion.length;
        List<int[]> errors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j && confusion[i][j] > 0) {
                    errors.add(new int[] { i, j, confusion[i][j] });
                }
            }
        }
        errors.sort((a, b) -> b[2] != a[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
        int wrong = errors.stream().mapToInt(e -> e[2]).sum();
        out.println("confusions: " + wrong + " wrong of " + evaluation.n() + "; most frequent (actual -> predicted):");
        for (int[] e : errors.subList(0, Math.min(10, errors.size()))) {
            out.println("  " + evaluation.categories().get(e[0]) + " -> " + evaluation.categories().get(e[1]) + ": "
                    + e[2]);
        }
        out.println("accuracy=" + number(evaluation.accuracy()) + " macro_f1=" + number(evaluation.macroF1()) + " n="
                + evaluation.n());
    }

    static void printModel(PrintStream out, ModelInfo info) {
        out.println("version=" + info.version());
        out.println("created=" + info.created());
        out.println("texts=" + info.texts());
        out.println("categories=" + info.categories().size());
        Output.keyValues(out, info.settings());
        Output.measures(out, info.metrics());
        out.println("model_bytes=" + info.fileSize());
    }
}
