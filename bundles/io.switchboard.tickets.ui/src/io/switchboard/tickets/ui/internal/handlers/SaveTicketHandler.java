package io.switchboard.tickets.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.tickets.ui.internal.parts.TicketEditorPart;

/** Save (Ctrl+S) in a ticket editor; lives on the editor part, so it applies only while one is active. */
public class SaveTicketHandler {

    @CanExecute
    boolean canExecute(@Optional MPart part) {
        return part != null && part.getObject() instanceof TicketEditorPart editor && editor.canSave();
    }

    @Execute
    void execute(MPart part, EPartService partService) {
        partService.savePart(part, false);
    }
}
