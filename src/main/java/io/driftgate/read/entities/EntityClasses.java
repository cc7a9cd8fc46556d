package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's mapped classes, loaded on their own class loader (parent: driftgate's, so that
 * {@code jakarta.persistence} and Hibernate are shared and the application's classes go away on close).
 */
final class EntityClasses implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<Class<?>> classes;

    private EntityClasses(URLClassLoader loader, List<Class<?>> classes) {
        this.loader = loader;
        this.classes = List.copyOf(classes);
    }

    static EntityClasses load(Path location, List<String> names) {
        URLClassLoader loader = new URLClassLoader("driftgate-entities", new URL[]{EntityScan.url(location)},
                EntityClasses.class.getClassLoader());
        try {
            List<Class<?>> loaded = new ArrayList<>();
            for (String name : names) {
                loaded.add(load(loader, name, location));
            }
            return new EntityClasses(loader, loaded);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    ClassLoader loader() {
        return loader;
    }

    List<Class<?>> classes() {
        return classes;
    }

    /**
     * Loads without initialising, then resolves the members' types now: the JVM links lazily, so a missing
     * dependency would otherwise surface deep inside Hibernate without the entity's name.
     */
    private static Class<?> load(ClassLoader loader, String name, Path location) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            for (Field field : type.getDeclaredFields()) {
                field.getGenericType();
            }
            for (Method method : type.getDeclaredMethods()) {
                method.getGenericReturnType();
            }
            type.getGenericSuperclass();
            return type;
        } catch (ClassNotFoundException e) {
            throw unloadable(name, name, location, e);
        } catch (LinkageError | TypeNotPresentException e) {
            throw unloadable(name, missingClass(e).orElse(e.toString()), location, e);
        }
    }

    static DriftgateException unloadable(String entity, String missing, Path location, Throwable cause) {
        return new DriftgateException(Failure.BAD_INPUT, "Entity class " + entity + " cannot be loaded from " + location
                + ": it needs " + missing + ", which is not there. Point --entities at a jar that contains the entities "
                + "together with the classes they use (or add those classes to the folder).", cause);
    }

    /** The class a loading failure names, in source spelling ({@code com.example.Money}). */
    static java.util.Optional<String> missingClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                if (t.getMessage() != null) {
                    return java.util.Optional.of(t.getMessage().replace('/', '.'));
                }
            }
            if (t instanceof TypeNotPresentException missing) {
                return java.util.Optional.of(missing.typeName());
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // only open jar handles are released here; nothing to report
        }
    }
}
