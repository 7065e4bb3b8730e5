using System.Text;

namespace Metrics.Generators.Generator.Helpers;

/// <summary>
/// SourceWriter builds generated source one whole line at a time, indenting by four spaces per level, so
/// emitters read like the code they produce. Lines end with <c>\n</c> on every platform (deterministic output).
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indentation;
    private string _lastLine = string.Empty;

    /// <summary>Writes <paramref name="line"/> indented; a text with several lines is indented line by line.</summary>
    public void WriteLine(string line)
    {
        foreach (var part in line.Split('\n'))
        {
            var text = part.TrimEnd('\r');
            if (text.Length > 0)
            {
                _builder.Append(' ', 4 * _indentation).Append(text);
            }

            _builder.Append('\n');
            _lastLine = text;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine()
    {
        _builder.Append('\n');
        _lastLine = string.Empty;
    }

    /// <summary>Writes an empty line between two members: not right after <c>{</c> nor after another empty line.</summary>
    public void Separate()
    {
        var last = _lastLine.Trim();
        if (last.Length > 0 && last != "{")
        {
            WriteLine();
        }
    }

    /// <summary>Writes <paramref name="header"/> and <c>{</c>, then indents.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/> (e.g. <c>;</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    /// <summary>Indents the following lines one more level (continuation lines of an expression).</summary>
    public void Indent() => _indentation++;

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public void Unindent() => _indentation--;

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();
}
