namespace Metrics.Generators.PackageTests.Support;

internal static class Repository
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Metrics.Generators.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The fenced code block that follows <c>&lt;!-- readme-test: NAME --&gt;</c> in README.md, unindented: the
    /// tests build exactly what a reader copies, so the README cannot drift from what works.
    /// </summary>
    public static string ReadmeBlock(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "README.md"));
        var marker = Array.FindIndex(lines, l => l.Trim() == $"<!-- readme-test: {name} -->");
        Assert.True(marker >= 0, $"README.md has no block marked 'readme-test: {name}'");
        var open = lines[marker + 1];
        var indent = open.Length - open.TrimStart().Length;
        Assert.StartsWith("```", open.TrimStart());
        var body = new List<string>();
        for (var i = marker + 2; lines[i].Trim() != "```"; i++)
        {
            body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
        }

        return string.Join('\n', body) + "\n";
    }
}
