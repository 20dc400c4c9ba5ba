package org.tianfu.warehouse.serve;

import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.Map;

/** The DuckDB type that holds a Delta column's values exactly, as DuckDB's DESCRIBE names it. */
final class DuckDbTypes {
  static final String TIMESTAMPTZ = "TIMESTAMP WITH TIME ZONE";
  static final String TIMESTAMP = "TIMESTAMP";

  private static final Map<DataType, String> PRIMITIVES = Map.ofEntries(
      Map.entry(StringType.STRING, "VARCHAR"), Map.entry(LongType.LONG, "BIGINT"),
      Map.entry(IntegerType.INTEGER, "INTEGER"), Map.entry(ShortType.SHORT, "SMALLINT"),
      Map.entry(ByteType.BYTE, "TINYINT"), Map.entry(DoubleType.DOUBLE, "DOUBLE"), Map.entry(FloatType.FLOAT, "FLOAT"),
      Map.entry(BooleanType.BOOLEAN, "BOOLEAN"), Map.entry(DateType.DATE, "DATE"), Map.entry(BinaryType.BINARY, "BLOB"),
      // Delta's timestamp is an instant; timestamp_ntz a wall-clock time.
      Map.entry(TimestampType.TIMESTAMP, TIMESTAMPTZ), Map.entry(TimestampNTZType.TIMESTAMP_NTZ, TIMESTAMP));

  private DuckDbTypes() {}

  static String of(String table, String column, DataType type) {
    String primitive = PRIMITIVES.get(type);
    if (primitive != null) {
      return primitive;
    }
    if (type instanceof DecimalType d) {
      return "DECIMAL(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (type instanceof MapType m) {   // ops.runs.rows_written, ops.publications.table_versions
      return "MAP(" + of(table, column, m.getKeyType()) + ", " + of(table, column, m.getValueType()) + ")";
    }
    throw new QueryError(table + "." + column + " has type " + type + ", which the DuckDB engine does not read;"
        + " use --engine spark");
  }
}
