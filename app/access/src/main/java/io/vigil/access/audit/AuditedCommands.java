package io.vigil.access.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which commands the audit trail records, and how a command is written there: its action (the simple class name),
 * its target (the {@code @TargetAggregateIdentifier}, else the first field named {@code id} or ending in {@code Id}, else
 * {@code username} or {@code name}, for commands that create what has no id yet)
 * and its details (the command as JSON, {@linkplain Redaction secrets redacted}).
 *
 * <p>Both are worked out once per command class: the decision path sends a command per transaction, which must not
 * pay for reflection.
 */
final class AuditedCommands {

    private static final Logger log = LoggerFactory.getLogger(AuditedCommands.class);

    private final ObjectMapper json;
    private final ClassValue<Boolean> audited;
    private final ClassValue<Optional<Field>> targets = new ClassValue<>() {
        @Override
        protected Optional<Field> computeValue(Class<?> type) {
            return targetField(type);
        }
    };

    AuditedCommands(Set<String> skipped, ObjectMapper json) {
        this.json = json;
        this.audited = new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                return !skipped.contains(type.getSimpleName());
            }
        };
    }

    boolean audited(Class<?> commandType) {
        return audited.get(commandType);
    }

    String action(Object command) {
        return command.getClass().getSimpleName();
    }

    String target(Object command) {
        return targets.get(command.getClass())
                .map(field -> {
                    try {
                        Object value = field.get(command);
                        return value == null ? null : value.toString();
                    } catch (IllegalAccessException e) {
                        return null;
                    }
                })
                .orElse(null);
    }

    /** The command as JSON with its secrets redacted; {@code null} when it cannot be written as JSON. */
    String details(Object command) {
        JsonNode tree = tree(command);
        return tree == null ? null : tree.toString();
    }

    /** A failed command: {@code {"error": "...", "command": {...}}}. */
    String failureDetails(Object command, Throwable error) {
        ObjectNode details = json.createObjectNode();
        details.put("error", message(error));
        details.set("command", tree(command));
        return details.toString();
    }

    static String message(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private JsonNode tree(Object command) {
        try {
            return Redaction.redact(json.valueToTree(command));
        } catch (IllegalArgumentException e) {
            // nothing of the command is written rather than a toString() that may hold a secret
            log.warn("The audit trail cannot write a {} as JSON: {}", action(command), e.getMessage());
            return null;
        }
    }

    private static Optional<Field> targetField(Class<?> type) {
        Field[] fields = Arrays.stream(type.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .toArray(Field[]::new);
        Optional<Field> found = Arrays.stream(fields)
                .filter(field -> field.isAnnotationPresent(TargetAggregateIdentifier.class))
                .findFirst()
                .or(() -> Arrays.stream(fields)
                        .filter(field ->
                                field.getName().equals("id") || field.getName().endsWith("Id"))
                        .min(Comparator.comparingInt(field -> field.getName().equals("id") ? 0 : 1)))
                // a command that creates something names it before it has an id: a user, an API key
                .or(() -> Arrays.stream(fields)
                        .filter(field -> field.getName().equals("username")
                                || field.getName().equals("name"))
                        .findFirst());
        found.ifPresent(field -> field.setAccessible(true));
        return found;
    }
}
