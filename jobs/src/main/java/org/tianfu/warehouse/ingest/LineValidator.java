package org.tianfu.warehouse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.FieldSpec;
import org.tianfu.warehouse.contract.FieldType;
import org.tianfu.warehouse.contract.LandingTimestamps;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.landing.PiiMasking;

/**
 * Applies the landing contract to one line of a JSON Lines source. Checks run field by field in
 * contract order, and within a field: presence, JSON type, then value; the first problem is the
 * reason. Pure Java, so every rule is unit-tested without Spark.
 */
public final class LineValidator implements Serializable {
  private final SourceSpec spec;
  private final CountyReference counties;
  private final PiiMasking pii;
  private final int width;
  /** The contract's field names: any other field of a line is kept in {@code extra}. */
  private final Set<String> fieldNames;
  private transient ObjectMapper mapper;

  public LineValidator(SourceSpec spec, CountyReference counties, PiiMasking pii) {
    this.spec = spec;
    this.counties = counties;
    this.pii = pii;
    this.width = BronzeSchema.recordFields(spec).size();
    this.fieldNames = new HashSet<>(spec.fields().stream().map(FieldSpec::name).toList());
  }

  /** How many bronze record columns a verdict fills. */
  public int width() {
    return width;
  }

  /** Validates one physical line (BOM and line end already removed). */
  public LineVerdict validate(byte[] line) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      return rejected("bad_encoding", escapeInvalidUtf8(line));
    }
    JsonNode node;
    try {
      node = mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return rejected("malformed_json", text);
    }
    if (node == null || !node.isObject()) {
      return rejected("malformed_json", text);
    }
    return validateObject((ObjectNode) node, text);
  }

  /** A rejected line keeps its text, phone numbers masked: masked here, as most lines are not rejected. */
  private static LineVerdict rejected(String reason, String text) {
    return LineVerdict.rejected(reason, PiiMasking.maskMobiles(text));
  }

  private LineVerdict validateObject(ObjectNode obj, String text) {
    Object[] values = new Object[width];
    int col = 0;
    for (FieldSpec f : spec.fields()) {
      JsonNode v = obj.get(f.name());
      boolean absent = v == null || v.isNull() || (v.isTextual() && isBlank(v.asText()));
      if (absent) {
        if (f.required()) {
          return rejected("missing_field:" + f.name(), text);
        }
        col = fillAbsent(f, values, col);
        continue;
      }
      String problem = checkType(f, v);
      if (problem != null) {
        return rejected(problem, text);
      }
      col = fill(f, v, values, col);
    }
    values[col] = extraFields(obj);
    return LineVerdict.valid(obj.get(spec.idField()).asText(), values);
  }

  /**
   * A string that is empty or only whitespace is a missing value (landing.md, "Bad input"). Whitespace is
   * Java's plus the no-break spaces ({@code U+00A0}, {@code U+2007}, {@code U+202F}), which
   * {@link String#isBlank} leaves out: a field of only {@code "\u00a0"} or the ideographic space
   * {@code U+3000} carries no value either.
   */
  public static boolean isBlank(String s) {
    return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** The reason a present value breaks the contract, or null. */
  private String checkType(FieldSpec f, JsonNode v) {
    String bad = "bad_value:" + f.name();
    switch (f.type()) {
      case STRING:
        if (!v.isTextual()) return bad;
        if (!f.allowed().isEmpty() && !f.allowed().contains(v.asText())) return bad;
        return null;
      case COUNTY:
        if (!v.isTextual()) return bad;
        return counties.contains(v.asText()) ? null : "unknown_county:" + f.name();
      case TIMESTAMP:
        if (!v.isTextual()) return bad;
        return LandingTimestamps.parseInstant(v.asText()) == null ? "bad_timestamp:" + f.name() : null;
      case DATE:
        if (!v.isTextual()) return bad;
        return LandingTimestamps.parseDate(v.asText()) == null ? "bad_timestamp:" + f.name() : null;
      case NUMBER:
        if (!v.isNumber()) return bad;
        return belowMinOrTooLarge(f, v.decimalValue()) ? bad : null;
      case INTEGER:
        if (!v.isIntegralNumber() || !v.canConvertToLong()) return bad;
        return belowMinOrTooLarge(f, v.decimalValue()) ? bad : null;
      case BOOLEAN:
        return v.isBoolean() ? null : bad;
      default:
        throw new IllegalStateException("unhandled type " + f.type());
    }
  }

  private static boolean belowMinOrTooLarge(FieldSpec f, BigDecimal value) {
    if (f.min() != null && value.compareTo(f.min()) < 0) {
      return true;
    }
    BigDecimal scaled = value.setScale(BronzeSchema.NUMBER.scale(), RoundingMode.HALF_UP);
    return scaled.precision() > BronzeSchema.NUMBER.precision();
  }

  private int fill(FieldSpec f, JsonNode v, Object[] values, int col) {
    if (f.pii()) {
      values[col++] = pii.hash(v.asText());
      values[col++] = PiiMasking.mask(v.asText());
      return col;
    }
    switch (f.type()) {
      case STRING, COUNTY -> values[col++] = f.freeText() ? PiiMasking.maskMobiles(v.asText()) : v.asText();
      case TIMESTAMP -> {
        Instant instant = LandingTimestamps.parseInstant(v.asText());
        values[col++] = v.asText();
        values[col++] = Timestamp.from(instant);
      }
      case DATE -> values[col++] = Date.valueOf(LandingTimestamps.parseDate(v.asText()));
      case NUMBER -> values[col++] = v.decimalValue().setScale(BronzeSchema.NUMBER.scale(), RoundingMode.HALF_UP);
      case INTEGER -> values[col++] = v.longValue();
      case BOOLEAN -> values[col++] = v.booleanValue();
    }
    return col;
  }

  private static int fillAbsent(FieldSpec f, Object[] values, int col) {
    values[col++] = f.defaultValue();
    if (f.pii() || f.type() == FieldType.TIMESTAMP) {
      values[col++] = null;
    }
    return col;
  }

  /** Fields the contract does not name, kept as JSON (phone numbers masked), or null when none. */
  private String extraFields(ObjectNode obj) {
    ObjectNode extra = null;
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!fieldNames.contains(e.getKey())) {
        if (extra == null) {
          extra = mapper().createObjectNode();
        }
        extra.set(e.getKey(), e.getValue());
      }
    }
    return extra == null ? null : PiiMasking.maskMobiles(extra.toString());
  }

  private ObjectMapper mapper() {
    if (mapper == null) {
      // Exact decimals; a repeated key or trailing content makes a line malformed, not ambiguous.
      mapper = JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
    }
    return mapper;
  }

  /** Keeps a line that is not UTF-8 readable and reversible: valid text as is, other bytes as \xNN. */
  static String escapeInvalidUtf8(byte[] line) {
    StringBuilder out = new StringBuilder(line.length + 16);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(line);
    CharBuffer chars = CharBuffer.allocate(line.length + 1);
    while (in.hasRemaining()) {
      var result = decoder.decode(in, chars, true);
      chars.flip();
      out.append(chars);
      chars.clear();
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          out.append(String.format("\\x%02X", in.get() & 0xFF));
        }
      }
    }
    return out.toString();
  }
}
