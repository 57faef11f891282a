package io.switchboard.store.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;

import io.switchboard.store.Dialect;
import io.switchboard.store.PersistenceUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

/**
 * Builds EclipseLink units without {@code persistence.xml} and without the JPA bootstrap's provider lookup, which
 * does not work across OSGi class loaders: the provider is called directly with a description of the unit.
 */
final class JpaUnits {

    static EntityManagerFactory create(PersistenceUnit unit, DataSource dataSource, Dialect dialect) {
        ClassLoader loader = new JoinedClassLoader(unit.classLoader(), PersistenceProvider.class.getClassLoader());
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.classloader", loader);
        // Weaving needs a load-time agent that OSGi does not offer; entities are plain classes.
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.target-database", dialect.eclipseLinkPlatform());
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        return new PersistenceProvider().createContainerEntityManagerFactory(new Info(unit, loader, dataSource),
                properties);
    }

    /** Classes and resources of the capability first, then EclipseLink's own. */
    private static final class JoinedClassLoader extends ClassLoader {

        private final ClassLoader fallback;

        JoinedClassLoader(ClassLoader primary, ClassLoader fallback) {
            super(primary);
            this.fallback = fallback;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return fallback.loadClass(name);
        }

        @Override
        protected URL findResource(String name) {
            return fallback.getResource(name);
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            return fallback.getResources(name);
        }
    }

    private record Info(PersistenceUnit unit, ClassLoader loader, DataSource dataSource) implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return unit.name();
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return unit.mappingFiles();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            // EclipseLink wants a root; the one the first mapping file is found under serves.
            for (String file : unit.mappingFiles()) {
                URL url = unit.classLoader().getResource(file);
                if (url != null) {
                    String text = url.toString();
                    try {
                        return new URL(text.substring(0, text.length() - file.length()));
                    } catch (MalformedURLException e) {
                        return url;
                    }
                }
            }
            return null;
        }

        @Override
        public List<String> getManagedClassNames() {
            return unit.managedClasses();
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            // JDBC writes (imports, merges) bypass JPA; a shared cache would serve stale entities.
            return SharedCacheMode.NONE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return loader;
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // weaving is off
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return loader;
        }
    }

    private JpaUnits() {
    }
}
