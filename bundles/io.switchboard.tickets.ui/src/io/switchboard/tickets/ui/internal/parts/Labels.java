package io.switchboard.tickets.ui.internal.parts;

import org.eclipse.osgi.util.NLS;

import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketType;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.ui.forms.EnumLabels;

/**
 * How enum values, history fields and sizes read in the agent's language (dates:
 * {@link io.switchboard.ui.forms.DateTexts}).
 */
public final class Labels {

    public static final EnumLabels<TicketStatus> STATUSES = EnumLabels.fromMessages(TicketStatus.class,
            Messages.class, "Status");
    public static final EnumLabels<TicketPriority> PRIORITIES = EnumLabels.fromMessages(TicketPriority.class,
            Messages.class, "Priority");
    public static final EnumLabels<TicketType> TYPES = EnumLabels.fromMessages(TicketType.class, Messages.class,
            "Type");
    public static final EnumLabels<Channel> CHANNELS = EnumLabels.fromMessages(Channel.class, Messages.class,
            "Channel");
    /** A ticket's conversation calls an outbound message a reply, and an internal one a note. */
    public static final EnumLabels<Direction> DIRECTIONS = EnumLabels.fromMessages(Direction.class, Messages.class,
            "Direction");

    private Labels() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    /** A history entry's field name as the agent reads it. */
    public static String field(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
        case "status" -> Messages.Field_status;
        case "category" -> Messages.Field_category;
        case "assignee" -> Messages.Field_assignee;
        case "priority" -> Messages.Field_priority;
        case "type" -> Messages.Field_type;
        case "subject" -> Messages.Field_subject;
        case "body" -> Messages.Field_body;
        case "channel" -> Messages.Field_channel;
        case "tags" -> Messages.Field_tags;
        case "dueAt" -> Messages.Field_due;
        case "customerId" -> Messages.Field_customer;
        default -> field;
        };
    }

    /**
     * The name of a model setting as the agent reads it; a setting this version does not know keeps its key,
     * marked as a setting.
     */
    public static String modelSetting(String key) {
        return switch (key) {
        case "features" -> Messages.Setting_features;
        case "solver" -> Messages.Setting_solver;
        case "c" -> Messages.Setting_c;
        case "probability" -> Messages.Setting_probability;
        case "vocabulary" -> Messages.Setting_vocabulary;
        case "search" -> Messages.Setting_search;
        default -> NLS.bind(Messages.Classifier_setting, key);
        };
    }

    /** The name of a model's measurement as the agent reads it; an unknown one keeps its key. */
    public static String modelMetric(String key) {
        return switch (key) {
        case "cv_accuracy" -> Messages.Metric_cv_accuracy;
        case "cv_macro_f1" -> Messages.Metric_cv_macro_f1;
        case "cv_folds" -> Messages.Metric_cv_folds;
        case "train_seconds" -> Messages.Metric_train_seconds;
        default -> NLS.bind(Messages.Classifier_metric, key);
        };
    }
}
