package dev.warden.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses the YAML text of one configuration schema, rejecting duplicate keys. A syntax error is reported as line,
 * column and, when every name on the way is one of the schema's field names, the field path the parser had reached
 * (e.g. {@code mqtt.password}) — never with any of the file's text, since the offending line may hold a password.
 */
public final class StrictYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Set<String> fieldNames;

    /** @param fieldNames every field name of the schema: the only source text a syntax error may repeat */
    public StrictYaml(Set<String> fieldNames) {
        this.fieldNames = Set.copyOf(fieldNames);
    }

    /**
     * The top-level mapping of {@code yaml}.
     *
     * @throws ConfigError if the text is not valid YAML, has a duplicate key, is empty, or its top level is not a mapping
     */
    public YamlFields parse(String yaml) throws ConfigError {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            // Not chained as the cause: Jackson's and SnakeYAML's messages quote the offending line (a password).
            throw new ConfigError(describeSyntaxError(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigError("the file is empty");
        }
        return YamlFields.of(root, "");
    }

    /** Where a YAML syntax error is, without any of the file's text. */
    private String describeSyntaxError(JsonProcessingException e) {
        StringBuilder msg = new StringBuilder("not valid YAML");
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            msg.append(" at line ").append(mark.getLine() + 1).append(", column ").append(mark.getColumn() + 1);
            Mark start = yaml.getContextMark();
            if (start != null && start.getLine() != mark.getLine()) {
                // e.g. an unclosed quote is only noticed at the end of the file
                msg.append(" (in what begins at line ").append(start.getLine() + 1).append(", column ").append(start.getColumn() + 1).append(')');
            }
        } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            msg.append(" at line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        String path = e.getProcessor() instanceof JsonParser parser ? knownPath(parser.getParsingContext()) : null;
        String original = e.getOriginalMessage();
        if (path != null && original != null && original.startsWith("Duplicate field")) {
            msg.append(": duplicate field ").append(path);
        } else if (path != null) {
            msg.append(", near ").append(path);
        }
        return msg.toString();
    }

    /**
     * The field path of a parsing context ({@code doors[0].readers}), or {@code null} when there is none or a name
     * on it is not a schema field. The innermost list is named without an index: its next element may not have begun.
     */
    private String knownPath(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                if (c != context) {
                    path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
                }
            } else {
                String name = c.getCurrentName();
                if (name == null || !fieldNames.contains(name)) {
                    return null;
                }
                path.insert(0, c.getParent() != null && c.getParent().inRoot() ? name : "." + name);
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
