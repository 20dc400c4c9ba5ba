package org.tianfu.warehouse.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.contract.FieldSpec;
import org.tianfu.warehouse.contract.SourceSpec;

/**
 * The bronze table of a source, derived from its landing schema: the contract's fields as they came
 * (a timestamp also parsed into {@code <f>_ts}; personal fields as {@code <f>_hash} and {@code <f>_masked}),
 * unknown fields as JSON in {@code extra}, then where the line came from.
 */
public final class BronzeSchema {
  /** Numbers are exact decimals; 6 places keep every fen of a yuan amount. */
  public static final DecimalType NUMBER = DataTypes.createDecimalType(24, 6);

  /** A line's key: where it came from, unique in a batch, and the order in which copies of an id compete. */
  public static final StructType LINE_KEY = DataTypes.createStructType(List.of(
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line_number", DataTypes.IntegerType, false)));

  /** Where a bronze row came from: its line's key and the run that loaded it. */
  public static final List<StructField> LINEAGE = List.of(LINE_KEY.add("run_id", DataTypes.StringType, false).fields());

  private BronzeSchema() {}

  /** The columns the validator fills, in order: the fields, then {@code extra}. */
  public static List<StructField> recordFields(SourceSpec spec) {
    List<StructField> out = new ArrayList<>();
    for (FieldSpec f : spec.fields()) {
      if (f.pii()) {
        out.add(DataTypes.createStructField(f.name() + "_hash", DataTypes.StringType, true));
        out.add(DataTypes.createStructField(f.name() + "_masked", DataTypes.StringType, true));
        continue;
      }
      out.add(DataTypes.createStructField(f.name(), valueType(f), !f.required()));
      if (f.type() == org.tianfu.warehouse.contract.FieldType.TIMESTAMP) {
        out.add(DataTypes.createStructField(f.name() + "_ts", DataTypes.TimestampType, !f.required()));
      }
    }
    out.add(DataTypes.createStructField("extra", DataTypes.StringType, true));
    return out;
  }

  public static StructType table(SourceSpec spec) {
    List<StructField> all = new ArrayList<>(recordFields(spec));
    all.addAll(LINEAGE);
    return DataTypes.createStructType(all);
  }

  private static DataType valueType(FieldSpec f) {
    return switch (f.type()) {
      case STRING, COUNTY, TIMESTAMP -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
      case NUMBER -> NUMBER;
      case INTEGER -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }
}
