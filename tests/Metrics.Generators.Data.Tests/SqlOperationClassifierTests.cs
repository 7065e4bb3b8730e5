using System.Data;

namespace Metrics.Generators.Data.Tests;

/// <summary>The operation label read from command text: first keyword after white space, comments and '('.</summary>
public class SqlOperationClassifierTests
{
    [Theory]
    [InlineData("SELECT 1", DatabaseOperation.Select)]
    [InlineData("select * from t", DatabaseOperation.Select)]
    [InlineData("SeLeCt\n1", DatabaseOperation.Select)]
    [InlineData("SELECT*FROM t", DatabaseOperation.Select)]
    [InlineData("select", DatabaseOperation.Select)]
    [InlineData("select;", DatabaseOperation.Select)]
    [InlineData("INSERT INTO t VALUES (1)", DatabaseOperation.Insert)]
    [InlineData("insert or replace into t values (1)", DatabaseOperation.Insert)]
    [InlineData("UPDATE t SET a = 1", DatabaseOperation.Update)]
    [InlineData("update\tt set a = 1", DatabaseOperation.Update)]
    [InlineData("DELETE FROM t", DatabaseOperation.Delete)]
    [InlineData("delete t", DatabaseOperation.Delete)]
    [InlineData("   \t\r\n  SELECT 1", DatabaseOperation.Select)]
    [InlineData("\u00A0\u2003SELECT 1", DatabaseOperation.Select)]
    [InlineData("-- a comment\nSELECT 1", DatabaseOperation.Select)]
    [InlineData("-- a comment\r\nINSERT INTO t VALUES (1)", DatabaseOperation.Insert)]
    [InlineData("--\nUPDATE t SET a = 1", DatabaseOperation.Update)]
    [InlineData("-- one\n  -- two\n\tDELETE FROM t", DatabaseOperation.Delete)]
    [InlineData("/* hint */ SELECT 1", DatabaseOperation.Select)]
    [InlineData("/**/SELECT 1", DatabaseOperation.Select)]
    [InlineData("/* multi\nline\n*/\nupdate t set a = 1", DatabaseOperation.Update)]
    [InlineData("/* a */ -- b\n /* c */ delete from t", DatabaseOperation.Delete)]
    [InlineData("/* SELECT */ INSERT INTO t VALUES (1)", DatabaseOperation.Insert)]
    [InlineData("-- DELETE\nSELECT 1", DatabaseOperation.Select)]
    [InlineData("/* -- not a line comment */ SELECT 1", DatabaseOperation.Select)]
    [InlineData("/* a ** b */SELECT 1", DatabaseOperation.Select)]
    [InlineData("(SELECT 1) UNION (SELECT 2)", DatabaseOperation.Select)]
    [InlineData("( ( select 1 ) )", DatabaseOperation.Select)]
    [InlineData("CREATE TABLE t (a INTEGER)", DatabaseOperation.Other)]
    [InlineData("DROP TABLE t", DatabaseOperation.Other)]
    [InlineData("ALTER TABLE t ADD b INTEGER", DatabaseOperation.Other)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", DatabaseOperation.Other)]
    [InlineData("MERGE INTO t USING s ON 1 = 1", DatabaseOperation.Other)]
    [InlineData("PRAGMA journal_mode", DatabaseOperation.Other)]
    [InlineData("EXEC dbo.Foo", DatabaseOperation.Other)]
    [InlineData("BEGIN; SELECT 1; COMMIT", DatabaseOperation.Other)]
    [InlineData("SELECTED", DatabaseOperation.Other)]
    [InlineData("selects", DatabaseOperation.Other)]
    [InlineData("select_all()", DatabaseOperation.Other)]
    [InlineData("select1", DatabaseOperation.Other)]
    [InlineData("select$x", DatabaseOperation.Other)]
    [InlineData("selectä", DatabaseOperation.Other)]
    [InlineData("SEL ECT 1", DatabaseOperation.Other)]
    [InlineData("INSER INTO t", DatabaseOperation.Other)]
    [InlineData("\"SELECT\"", DatabaseOperation.Other)]
    [InlineData("", DatabaseOperation.Other)]
    [InlineData("   \n\t", DatabaseOperation.Other)]
    [InlineData("-- only a comment", DatabaseOperation.Other)]
    [InlineData("-- unterminated line comment SELECT 1", DatabaseOperation.Other)]
    [InlineData("/* unterminated SELECT 1", DatabaseOperation.Other)]
    [InlineData("/*/ SELECT 1", DatabaseOperation.Other)]
    [InlineData("- SELECT 1", DatabaseOperation.Other)]
    [InlineData("/ SELECT 1", DatabaseOperation.Other)]
    [InlineData("; SELECT 1", DatabaseOperation.Other)]
    public void Classify_Text_ReadsTheFirstKeyword(string sql, DatabaseOperation expected)
    {
        Assert.Equal(expected, SqlOperationClassifier.Classify(sql));
        Assert.Equal(expected, SqlOperationClassifier.Classify(CommandType.Text, sql));
    }

    [Fact]
    public void Classify_NestedBlockComment_EndsAtTheFirstCloser()
    {
        // Documented: comments do not nest (SQLite, MySQL). "/* a /* b */" is one comment, then " c */ SELECT".
        Assert.Equal(DatabaseOperation.Select, SqlOperationClassifier.Classify("/* a /* b */ SELECT 1"));
        Assert.Equal(DatabaseOperation.Other, SqlOperationClassifier.Classify("/* a /* b */ c */ SELECT 1"));
    }

    [Fact]
    public void Classify_NullText_IsOther()
        => Assert.Equal(DatabaseOperation.Other, SqlOperationClassifier.Classify(CommandType.Text, null));

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("dbo.GetOrders")]
    [InlineData(null)]
    public void Classify_StoredProcedure_IsProcedureWhateverTheText(string? text)
        => Assert.Equal(DatabaseOperation.Procedure, SqlOperationClassifier.Classify(CommandType.StoredProcedure, text));

    [Fact]
    public void Classify_TableDirect_IsOther()
        => Assert.Equal(DatabaseOperation.Other, SqlOperationClassifier.Classify(CommandType.TableDirect, "orders"));

    [Fact]
    public void Classify_LooksOnlyAtTheFirstStatementOfALongBatch()
    {
        var batch = "/* batch */ DELETE FROM t;" + string.Concat(Enumerable.Repeat(" SELECT 1;", 10_000));

        Assert.Equal(DatabaseOperation.Delete, SqlOperationClassifier.Classify(batch));
    }

    [Theory]
    [InlineData(DatabaseOperation.Select, "SELECT")]
    [InlineData(DatabaseOperation.Insert, "INSERT")]
    [InlineData(DatabaseOperation.Update, "UPDATE")]
    [InlineData(DatabaseOperation.Delete, "DELETE")]
    [InlineData(DatabaseOperation.Procedure, "procedure")]
    [InlineData(DatabaseOperation.Other, "other")]
    public void LabelValue_IsTheExposedValue(DatabaseOperation operation, string expected)
        => Assert.Equal(expected, SqlOperationClassifier.LabelValue(operation));

    [Fact]
    public void LabelValue_UndefinedOperation_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => SqlOperationClassifier.LabelValue((DatabaseOperation)42));
}
