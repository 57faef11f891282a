package io.switchboard.app.testing;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/**
 * Starts the workbench the way the product does: the branding properties (application model, life cycle) are
 * read from the product extension in io.switchboard.app, so the test runs exactly what users run.
 */
final class ProductApplicationContext implements IApplicationContext {

    static final String PRODUCT_ID = "io.switchboard.app.product";

    private final Map<String, String> properties = new HashMap<>();
    private final String[] args;
    private String application;

    ProductApplicationContext(String... args) {
        this.args = args;
        IExtension product = RegistryFactory.getRegistry().getExtension("org.eclipse.core.runtime.products", PRODUCT_ID);
        if (product == null) {
            throw new AssertionError("product extension " + PRODUCT_ID + " is not registered");
        }
        for (IConfigurationElement element : product.getConfigurationElements()) {
            application = element.getAttribute("application");
            for (IConfigurationElement property : element.getChildren("property")) {
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
        }
    }

    @Override
    public Map<String, Object> getArguments() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put(IApplicationContext.APPLICATION_ARGS, args);
        return arguments;
    }

    @Override
    public void applicationRunning() {
    }

    @Override
    public String getBrandingApplication() {
        return application;
    }

    @Override
    public String getBrandingName() {
        return "Switchboard";
    }

    @Override
    public String getBrandingDescription() {
        return null;
    }

    @Override
    public String getBrandingId() {
        return PRODUCT_ID;
    }

    @Override
    public String getBrandingProperty(String key) {
        return properties.get(key);
    }

    @Override
    public Bundle getBrandingBundle() {
        return null;
    }

    @Override
    public void setResult(Object result, IApplication application) {
    }
}
