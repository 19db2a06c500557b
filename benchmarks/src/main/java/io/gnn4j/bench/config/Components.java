package io.gnn4j.bench.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Reads and builds records component by component, so that the code that treats every hyper-parameter alike
 * (merging overrides, the JSON map, the command-line options) lists none of them: the records' components are the one
 * list.
 */
final class Components {
    private Components() {
    }

    /** The value of component {@code c} of {@code r}. */
    static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    /**
     * A {@code type} record from its components' values in declaration order, through its canonical constructor, whose
     * own checks (an {@link IllegalArgumentException} naming the bad value) reach the caller unchanged.
     */
    static <R extends Record> R construct(Class<R> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new);
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    /** Throws unless both records have components of the same names in the same order. */
    static void requireSameNames(Class<? extends Record> a, Class<? extends Record> b) {
        String[] x = Arrays.stream(a.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
        String[] y = Arrays.stream(b.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
        if (!Arrays.equals(x, y)) {
            throw new IllegalStateException(a.getSimpleName() + " has the components " + Arrays.toString(x) + " but "
                    + b.getSimpleName() + " has " + Arrays.toString(y));
        }
    }
}
