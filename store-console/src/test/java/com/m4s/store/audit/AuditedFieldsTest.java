package com.m4s.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.audit.Redacted;
import com.m4s.store.support.StoreConsoleTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log shows entity and field names in the reader's language and formats each value by its kind. The web UI
 * reads which entities and fields the trail can hold, and the kind of each value, from
 * {@code web-ui/src/console/audit/auditedFields.json}; its own test fails for any of them without a Chinese and an
 * English name. This test keeps that file equal to what the audit listener records: every entity of the service and
 * every field it audits (not {@code version}, {@code updatedAt} or associations; a list of texts held in one column is kind {@code texts}). With
 * {@code -Dm4s.audit-fields.write=true} it rewrites the file.
 */
class AuditedFieldsTest extends StoreConsoleTest {

    private static final String REWRITE = "m4s.audit-fields.write";
    private static final Set<String> NOT_AUDITED = Set.of("id", "version", "updatedAt");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Autowired
    EntityManagerFactory entities;

    @Test
    void theWebUiKnowsEveryAuditedEntityFieldAndKindOfValue() throws IOException {
        Map<String, Object> audited = audited();
        Path snapshot = Path.of(System.getProperty("m4s.home", ".."))
                .resolve("web-ui/src/console/audit/auditedFields.json");

        if (Boolean.getBoolean(REWRITE)) {
            Files.writeString(snapshot, JSON.writeValueAsString(audited) + "\n");
        }

        assertThat(audited).as("entities of the service").isNotEmpty();
        assertThat(JSON.readTree(Files.readString(snapshot)))
                .as("the audited entities or fields changed; rewrite " + snapshot + " with -D" + REWRITE
                        + "=true and give the new ones names in web-ui's locales (section auditNames)")
                .isEqualTo(JSON.valueToTree(audited));
    }

    /** {@code {"entities": {type: {field: kind}}, "enums": {name: [values]}}}, as the audit listener names them. */
    private Map<String, Object> audited() {
        Map<String, Map<String, String>> types = new TreeMap<>();
        Map<String, Object> enums = new TreeMap<>();
        Set<String> names = new java.util.HashSet<>();
        entities.getMetamodel().getEntities().forEach(e -> names.add(typeName(e)));
        for (EntityType<?> entity : entities.getMetamodel().getEntities()) {
            Map<String, String> fields = new TreeMap<>();
            for (Attribute<?, ?> attribute : entity.getAttributes()) {
                Class<?> type = attribute.getJavaType();
                if (NOT_AUDITED.contains(attribute.getName()) || attribute.isCollection()) {
                    continue; // associations: audited on their own rows
                }
                // a list of texts in one column (a car's photo references) is recorded as a value
                String kind = Collection.class.isAssignableFrom(type) ? "texts" : kind(attribute, type, names);
                if (type.isEnum()) {
                    enums.put(enumName(type), Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name()).toList());
                }
                fields.put(attribute.getName(), kind);
            }
            types.put(typeName(entity), fields);
        }
        return Map.of("entities", types, "enums", enums);
    }

    private static String kind(Attribute<?, ?> attribute, Class<?> type, Set<String> entityNames) {
        if (attribute.getJavaMember() instanceof Field field && field.isAnnotationPresent(Redacted.class)) {
            return "redacted";
        }
        if (attribute instanceof SingularAttribute<?, ?> single && single.getType() instanceof EntityType<?> target) {
            return "ref:" + typeName(target);
        }
        if (type.isEnum()) {
            return "enum:" + enumName(type);
        }
        if (type == UUID.class) {
            String name = attribute.getName();
            String referenced = name.endsWith("Id") ? name.substring(0, name.length() - 2) : "";
            return entityNames.contains(referenced) ? "ref:" + referenced : "uuid";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "instant";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if ((type == long.class || type == Long.class) && attribute.getName().endsWith("Yuan")) {
            return "yuan";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        return "text";
    }

    /** A nested enum with its class: {@code Notification.Status} is {@code NotificationStatus}. */
    private static String enumName(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace("$", "");
    }

    /** As the audit listener names it: the entity's simple name, first letter lower-case. */
    private static String typeName(EntityType<?> entity) {
        String simple = entity.getJavaType().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
