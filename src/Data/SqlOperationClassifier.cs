using System.Data;
using System.Text;

namespace Metrics.Generators.Data;

/// <summary>
/// SqlOperationClassifier reads the <c>operation</c> label from a command: the first keyword of its text, after
/// leading whitespace, comments and opening parentheses, compared case-insensitively with
/// <c>SELECT</c>/<c>INSERT</c>/<c>UPDATE</c>/<c>DELETE</c>. It never allocates and looks at no more of the text
/// than the leading comments and the first word.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="bullet">
/// <item><see cref="CommandType.StoredProcedure"/> is <see cref="DatabaseOperation.Procedure"/> whatever the text
/// (the text is a procedure name). <see cref="CommandType.TableDirect"/> is <see cref="DatabaseOperation.Other"/>.</item>
/// <item>Skipped before the keyword: white space, <c>-- …</c> to the end of the line, <c>/* … */</c>, and
/// <c>(</c> (so <c>(SELECT …) UNION (SELECT …)</c> is a select). Block comments do not nest: the first
/// <c>*/</c> ends one, as in SQLite and MySQL (PostgreSQL and SQL Server nest them; a nested comment before the
/// statement is then misread, which only costs an <c>other</c>). An unterminated comment is
/// <see cref="DatabaseOperation.Other"/>.</item>
/// <item>The keyword is the run of ASCII letters that follows; a letter, digit, <c>_</c> or <c>$</c> right
/// after it makes it a longer identifier (<c>SELECTED</c>), so <see cref="DatabaseOperation.Other"/>.</item>
/// <item><c>WITH</c> is <see cref="DatabaseOperation.Other"/>: the statement a CTE feeds (select, insert, update
/// or delete) comes after the CTE bodies, and finding it means parsing them. Statements after the first (a
/// batch <c>INSERT …; SELECT …</c>) are not looked at: the command is classified by its first.</item>
/// </list>
/// <para>Thread-safe (stateless).</para>
/// </remarks>
public static class SqlOperationClassifier
{
    private static readonly string[] LabelValues = ["SELECT", "INSERT", "UPDATE", "DELETE", "procedure", "other"];

    /// <summary>The <c>operation</c> label values in <see cref="DatabaseOperation"/> order.</summary>
    internal static string[] OperationLabelValues => LabelValues;

    /// <summary>Classifies a command by its <paramref name="commandType"/> and <paramref name="commandText"/>.</summary>
    /// <param name="commandType">The command's type; only <see cref="CommandType.Text"/> looks at the text.</param>
    /// <param name="commandText">The command text; null or empty is <see cref="DatabaseOperation.Other"/>.</param>
    /// <returns>The operation.</returns>
    public static DatabaseOperation Classify(CommandType commandType, string? commandText) => commandType switch
    {
        CommandType.Text => Classify(commandText.AsSpan()),
        CommandType.StoredProcedure => DatabaseOperation.Procedure,
        _ => DatabaseOperation.Other,
    };

    /// <summary>Classifies SQL text by its first keyword (see the remarks on <see cref="SqlOperationClassifier"/>).</summary>
    /// <param name="sql">The statement text.</param>
    /// <returns>The operation; <see cref="DatabaseOperation.Other"/> when the first keyword is none of the four verbs.</returns>
    public static DatabaseOperation Classify(ReadOnlySpan<char> sql)
    {
        var start = SkipLeadingTrivia(sql);
        if (start < 0)
        {
            return DatabaseOperation.Other;
        }

        var rest = sql[start..];
        var length = 0;
        while (length < rest.Length && char.IsAsciiLetter(rest[length]))
        {
            length++;
        }

        // All four verbs are six letters; anything glued to the word makes it some other identifier.
        if (length != 6 || (rest.Length > 6 && IsIdentifierPart(rest[6])))
        {
            return DatabaseOperation.Other;
        }

        var keyword = rest[..6];
        if (Ascii.EqualsIgnoreCase(keyword, "SELECT"))
        {
            return DatabaseOperation.Select;
        }

        if (Ascii.EqualsIgnoreCase(keyword, "INSERT"))
        {
            return DatabaseOperation.Insert;
        }

        if (Ascii.EqualsIgnoreCase(keyword, "UPDATE"))
        {
            return DatabaseOperation.Update;
        }

        return Ascii.EqualsIgnoreCase(keyword, "DELETE") ? DatabaseOperation.Delete : DatabaseOperation.Other;
    }

    /// <summary>The label value of <paramref name="operation"/>: <c>SELECT</c>, …, <c>procedure</c>, <c>other</c>.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The exposed <c>operation</c> label value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="operation"/> is not a defined value.</exception>
    public static string LabelValue(DatabaseOperation operation)
        => (uint)operation < (uint)LabelValues.Length
            ? LabelValues[(int)operation]
            : throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown database operation.");

    /// <summary>The index of the first character after leading white space, comments and '('; -1 when there is none.</summary>
    private static int SkipLeadingTrivia(ReadOnlySpan<char> sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c) || c == '(')
            {
                i++;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var lineEnd = sql[(i + 2)..].IndexOfAny('\n', '\r');
                if (lineEnd < 0)
                {
                    return -1;
                }

                i += 2 + lineEnd + 1;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var commentEnd = sql[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                if (commentEnd < 0)
                {
                    return -1;
                }

                i += 2 + commentEnd + 2;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
