package org.tianfu.warehouse.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns one landing file (a row of Spark's binaryFile source) into one row per counted line:
 * where it came from, and the validator's verdict. Runs on the executors.
 */
final class FileLines implements FlatMapFunction<Row, Row> {
  private final LineValidator validator;

  FileLines(LineValidator validator) {
    this.validator = validator;
  }

  /** dt, file, line_number, then _id/_reason/_raw (underscored: no contract field starts so), then the record. */
  static StructType schema(List<StructField> recordFields) {
    List<StructField> fields = new ArrayList<>(List.of(
        DataTypes.createStructField("dt", DataTypes.StringType, false),
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("line_number", DataTypes.IntegerType, false),
        DataTypes.createStructField("_id", DataTypes.StringType, true),
        DataTypes.createStructField("_reason", DataTypes.StringType, true),
        DataTypes.createStructField("_raw", DataTypes.StringType, true)));
    for (StructField f : recordFields) {
      fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public Iterator<Row> call(Row file) {
    String path = file.getString(file.fieldIndex("path"));
    String name = path.substring(path.lastIndexOf('/') + 1);
    String parent = path.substring(0, path.lastIndexOf('/'));
    String dt = parent.substring(parent.lastIndexOf("/dt=") + 4);
    byte[] content = (byte[]) file.get(file.fieldIndex("content"));
    List<PhysicalLines.Line> lines = PhysicalLines.split(content);
    return lines.stream().map(line -> toRow(dt, name, line)).iterator();
  }

  private Row toRow(String dt, String file, PhysicalLines.Line line) {
    LineVerdict verdict = validator.validate(line.bytes());
    Object[] values = verdict.values();
    int width = values == null ? 0 : values.length;
    Object[] row = new Object[6 + validator.width()];
    row[0] = dt;
    row[1] = file;
    row[2] = line.number();
    row[3] = verdict.id();
    row[4] = verdict.reason();
    row[5] = verdict.raw();
    if (width > 0) {
      System.arraycopy(values, 0, row, 6, width);
    }
    return RowFactory.create(row);
  }
}
