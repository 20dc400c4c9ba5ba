package org.tianfu.warehouse.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Turns one landing file (a row of {@link #FILE}) into one row per counted line: where it came from,
 * and the validator's verdict. Runs on the executors, which read the file themselves through Hadoop's
 * file system: Spark's file sources would skip a file named {@code _x.jsonl} or {@code .x.jsonl}
 * (hidden, to them) and take {@code {}[]*?} in a name as a pattern, and the contract reads every
 * {@code .jsonl} file of a folder.
 */
final class FileLines implements FlatMapFunction<Row, Row> {
  /** A file to read: its dt and name as listed, and its location (an encoded URI, see {@code Storage.FileEntry}). */
  static final StructType FILE = DataTypes.createStructType(List.of(
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("location", DataTypes.StringType, false)));

  private final LineValidator validator;
  private final Broadcast<SerializableConfiguration> hadoop;

  FileLines(LineValidator validator, Broadcast<SerializableConfiguration> hadoop) {
    this.validator = validator;
    this.hadoop = hadoop;
  }

  /**
   * The lines of {@code files} (rows of {@link #FILE}), parsed and validated by {@code validator}: one
   * task per file, as Spark's file sources split a night's few large files.
   */
  static Dataset<Row> read(SparkSession spark, LineValidator validator, List<StructField> recordFields, List<Row> files) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> hadoop = context.broadcast(new SerializableConfiguration(context.hadoopConfiguration()));
    return spark.createDataFrame(context.parallelize(files, files.size()), FILE)
        .flatMap(new FileLines(validator, hadoop), Encoders.row(schema(recordFields)));
  }

  /** dt, file, line_number, then _id/_reason/_raw (underscored: no contract field starts so), then the record. */
  static StructType schema(List<StructField> recordFields) {
    List<StructField> fields = new ArrayList<>(List.of(BronzeSchema.LINE_KEY.fields()));
    fields.addAll(List.of(
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
    String dt = file.getString(0);
    String name = file.getString(1);
    List<PhysicalLines.Line> lines = PhysicalLines.split(read(file.getString(2)));
    return lines.stream().map(line -> toRow(dt, name, line)).iterator();
  }

  private byte[] read(String location) {
    Path path = new Path(URI.create(location));
    try (FSDataInputStream in = path.getFileSystem(hadoop.value().value()).open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
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
