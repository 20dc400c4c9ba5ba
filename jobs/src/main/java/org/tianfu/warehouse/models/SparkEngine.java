package org.tianfu.warehouse.models;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The SQL models on Spark: relations and models become session temp views. */
public final class SparkEngine implements SqlEngine {
  private final SparkSession spark;

  public SparkEngine(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public void register(Relation relation) {
    List<StructField> fields = new ArrayList<>();
    relation.columns().forEach(c -> fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true)));
    List<Row> rows = new ArrayList<>();
    relation.rows().forEach(r -> rows.add(RowFactory.create(r)));
    StructType schema = DataTypes.createStructType(fields);
    spark.createDataFrame(rows, schema).createOrReplaceTempView(relation.name());
  }

  @Override
  public void define(String name, String query) {
    spark.sql(query).createOrReplaceTempView(name);
  }

  static DataType sparkType(String sqlType) {
    return switch (sqlType) {
      case "VARCHAR" -> DataTypes.StringType;
      case "INT" -> DataTypes.IntegerType;
      case "BIGINT" -> DataTypes.LongType;
      case "DOUBLE" -> DataTypes.DoubleType;
      case "BOOLEAN" -> DataTypes.BooleanType;
      case "TIMESTAMP" -> DataTypes.TimestampType;
      default -> {
        var m = java.util.regex.Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)").matcher(sqlType);
        if (!m.matches()) {
          throw new IllegalArgumentException("no Spark type for " + sqlType);
        }
        yield DataTypes.createDecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    };
  }
}
