package io.switchboard.classifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored model version.
 *
 * @param version     name of the version, sortable by creation time (e.g. {@code 20261125-174512})
 * @param created     when it was trained
 * @param active      whether predictions use it now
 * @param texts       number of training texts
 * @param categories  the categories it knows
 * @param settings    features, solver, C, threshold-independent settings chosen by cross-validation
 * @param metrics     cross-validated quality at training time ({@code cv_accuracy}, {@code cv_macro_f1}, ...)
 * @param fileSize    bytes on disk
 * @param damaged     its model file is missing or no longer matches the checksum written with it: it cannot be
 *                    used (activate or roll back to another version, or train again)
 */
public record ModelInfo(String version, Instant created, boolean active, int texts, List<String> categories,
        Map<String, String> settings, Map<String, Double> metrics, long fileSize, boolean damaged) {
}
