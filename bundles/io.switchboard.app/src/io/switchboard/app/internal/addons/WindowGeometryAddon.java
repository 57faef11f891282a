package io.switchboard.app.internal.addons;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import io.switchboard.app.AppIds;
import io.switchboard.app.internal.WorkbenchSettings;
import io.switchboard.core.Settings;

/**
 * The main window's size and place: on the first start most of the screen, centred; later the size and place it
 * had when it closed. The application model is rebuilt on every start (the product clears persisted state, so new
 * bundles always show), so the window's bounds are kept in the data folder's settings instead.
 */
public class WindowGeometryAddon {

    /** The share of the screen's usable area the window takes on its first start. */
    static final double FIRST_START_SHARE = 0.9;

    @Inject
    Settings settings;

    private Rectangle normalBounds;

    @PostConstruct
    void place(MApplication application, EModelService modelService) {
        if (!(modelService.find(AppIds.WINDOW_MAIN, application) instanceof MWindow window)) {
            return;
        }
        Display display = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
        String saved = settings.get(WorkbenchSettings.WINDOW_BOUNDS, "");
        Rectangle bounds = parse(saved);
        if (bounds == null || !onSomeMonitor(display, bounds)) {
            bounds = firstStart(display.getPrimaryMonitor().getClientArea());
        } else if (saved.endsWith(",maximized")) {
            window.getTags().add(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
        }
        window.setX(bounds.x);
        window.setY(bounds.y);
        window.setWidth(bounds.width);
        window.setHeight(bounds.height);
    }

    /** Once the window's shell exists: follows its normal size and stores it when the window closes. */
    @Inject
    @Optional
    void widgetSet(@UIEventTopic(UIEvents.UIElement.TOPIC_WIDGET) Event event) {
        if (event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MWindow window
                && AppIds.WINDOW_MAIN.equals(window.getElementId())
                && event.getProperty(UIEvents.EventTags.NEW_VALUE) instanceof Shell shell) {
            normalBounds = shell.getBounds();
            shell.addListener(SWT.Resize, e -> remember(shell));
            shell.addListener(SWT.Move, e -> remember(shell));
            shell.addListener(SWT.Dispose, e -> save(shell));
        }
    }

    private void remember(Shell shell) {
        if (!shell.getMaximized() && !shell.getMinimized()) {
            normalBounds = shell.getBounds();
        }
    }

    private void save(Shell shell) {
        if (normalBounds == null) {
            return;
        }
        try {
            settings.put(WorkbenchSettings.WINDOW_BOUNDS, normalBounds.x + "," + normalBounds.y + ","
                    + normalBounds.width + "," + normalBounds.height + (shell.getMaximized() ? ",maximized" : ""));
        } catch (RuntimeException e) {
            // The next start then opens at the first start's size; nothing else depends on it.
            System.getLogger(WindowGeometryAddon.class.getName()).log(System.Logger.Level.WARNING,
                    "window size not saved: " + e.getMessage());
        }
    }

    static Rectangle firstStart(Rectangle area) {
        int width = (int) Math.round(area.width * FIRST_START_SHARE);
        int height = (int) Math.round(area.height * FIRST_START_SHARE);
        return new Rectangle(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    }

    /** {@code x,y,width,height[,maximized]}, or {@code null} for anything else. */
    static Rectangle parse(String saved) {
        String[] parts = saved.split(",");
        if (parts.length < 4) {
            return null;
        }
        try {
            Rectangle bounds = new Rectangle(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
            return bounds.width >= 200 && bounds.height >= 150 ? bounds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A window whose title bar would be off every screen (a monitor unplugged) starts afresh. */
    private static boolean onSomeMonitor(Display display, Rectangle bounds) {
        for (Monitor monitor : display.getMonitors()) {
            Rectangle area = monitor.getClientArea();
            if (area.intersects(bounds.x, bounds.y, Math.min(bounds.width, 200), 40)
                    && bounds.width <= area.width + 50 && bounds.height <= area.height + 50) {
                return true;
            }
        }
        return false;
    }
}
