namespace Metrics.Generators.Data;

/// <summary>
/// DatabaseOperation is the <c>operation</c> label of the database metrics: what kind of statement a command ran,
/// as <see cref="SqlOperationClassifier"/> reads it from the command. The numeric values are the label's value
/// indexes, so a series is selected without any string work.
/// </summary>
/// <remarks>
/// Label values: the four SQL verbs as SQL writes them (<c>SELECT</c>, <c>INSERT</c>, <c>UPDATE</c>,
/// <c>DELETE</c>, the values OpenTelemetry's <c>db.operation.name</c> uses), and two lowercase buckets that are
/// not keywords, <c>procedure</c> and <c>other</c>.
/// </remarks>
public enum DatabaseOperation
{
    /// <summary>A statement starting with <c>SELECT</c>; label value <c>SELECT</c>.</summary>
    [LabelValue("SELECT")]
    Select = 0,

    /// <summary>A statement starting with <c>INSERT</c> (also <c>INSERT OR REPLACE</c>); label value <c>INSERT</c>.</summary>
    [LabelValue("INSERT")]
    Insert = 1,

    /// <summary>A statement starting with <c>UPDATE</c>; label value <c>UPDATE</c>.</summary>
    [LabelValue("UPDATE")]
    Update = 2,

    /// <summary>A statement starting with <c>DELETE</c>; label value <c>DELETE</c>.</summary>
    [LabelValue("DELETE")]
    Delete = 3,

    /// <summary>A command with <see cref="System.Data.CommandType.StoredProcedure"/>; label value <c>procedure</c>.</summary>
    [LabelValue("procedure")]
    Procedure = 4,

    /// <summary>Anything else: DDL, <c>WITH</c> (CTE), <c>MERGE</c>, <c>PRAGMA</c>, empty text, …; label value <c>other</c>.</summary>
    [LabelValue("other")]
    Other = 5,
}
