package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * File &gt; Close (Ctrl+W): closes the part in front if it can be closed (an editor, not a list), asking first to
 * save its changes, as its tab's close button does.
 */
public class CloseEditorHandler {

    @CanExecute
    boolean canExecute(@Optional MPart part) {
        return part != null && part.isCloseable();
    }

    @Execute
    void execute(@Optional MPart part, EPartService partService) {
        if (part == null || !part.isCloseable()) {
            return;
        }
        if (part.isDirty() && !partService.savePart(part, true)) {
            return;
        }
        partService.hidePart(part);
    }
}
