package dk.fbs.oir.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name lives in one place (a process backing class) and every read
 * and write goes through its type, in the manner of holunda-io/camunda-bpm-data.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public T get(VariableScope scope) {
        return type.cast(scope.getVariable(name));
    }

    /** The variable, or {@code otherwise} where the process has not set it yet. */
    public T getOrElse(VariableScope scope, T otherwise) {
        T value = get(scope);
        return value == null ? otherwise : value;
    }

    /** The variable of the element itself (an input parameter), not of the process. */
    public T getLocal(VariableScope scope) {
        return type.cast(scope.getVariableLocal(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }
}
