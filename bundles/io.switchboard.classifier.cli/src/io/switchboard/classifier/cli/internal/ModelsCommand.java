package io.switchboard.classifier.cli.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;

/**
 * {@code switchboard classifier models}: the stored versions, oldest first, the active one marked with *, a
 * damaged one (its file no longer matches its checksum) with a last field {@code damaged} and a line on stderr.
 */
@Component(service = Command.class)
public class ModelsCommand implements Command {

    @Reference
    private TicketClassifier classifier;

    @Override
    public String name() {
        return "classifier models";
    }

    @Override
    public String summary() {
        return Messages.Models_summary;
    }

    @Override
    public String usage() {
        return Messages.Models_usage;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        try {
            List<ModelInfo> models = classifier.models();
            if (models.isEmpty()) {
                context.err().println(Messages.Models_none);
            }
            for (ModelInfo m : models) {
                Double accuracy = m.metrics().get("cv_accuracy");
                context.out().println((m.active() ? "* " : "  ") + m.version() + "\t" + m.created() + "\ttexts="
                        + m.texts() + "\tcategories=" + m.categories().size() + "\tcv_accuracy="
                        + (accuracy == null ? "?" : ClassifierCommand.number(accuracy)) + "\tbytes=" + m.fileSize()
                        + (m.damaged() ? "\tdamaged" : ""));
                if (m.damaged()) {
                    context.err().println(NLS.bind(m.active() ? Messages.Models_activeDamaged : Messages.Models_damaged,
                            m.version()));
                }
            }
        } catch (ClassifierException e) {
            throw ClassifierCommand.fail(e);
        }
        return ExitCode.OK;
    }
}
