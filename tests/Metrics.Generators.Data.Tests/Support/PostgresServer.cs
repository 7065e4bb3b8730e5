using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Metrics.Generators.Data.Tests.Support;

/// <summary>
/// PostgresServer is a real PostgreSQL server for one test class: <c>initdb</c> into a temp directory, <c>postgres</c>
/// on 127.0.0.1 and a free port with its socket directory in the temp directory too, stopped by its postmaster's PID
/// (SIGINT: fast shutdown) and the directory deleted at the end. PostgreSQL refuses to run as root, so as root every
/// server command runs as the <c>postgres</c> user (<c>runuser</c>) on a directory chowned to it. Without the Debian
/// package <c>postgresql</c> the tests skip locally and fail under METRICS_REQUIRE_TOOLS=1.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string User = "postgres";
    private ChildProcess? _postmaster;
    private string _directory = string.Empty;

    /// <summary>A connection string for the server's superuser (trust authentication on loopback).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var bin = ExternalTools.PostgresBin();
        var asRoot = Environment.UserName == "root";
        _directory = Directory.CreateTempSubdirectory("mg-postgres-").FullName;
        var data = Path.Combine(_directory, "data");
        var sockets = Path.Combine(_directory, "sockets");
        Directory.CreateDirectory(sockets);
        if (asRoot)
        {
            ChildProcess.Run(_directory, "/bin/chown", "-R", User, _directory);
        }

        ChildProcess.Run(_directory, Command(asRoot, Path.Combine(bin, "initdb")), Arguments(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", User, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"));
        Port = FreePort();
        _postmaster = ChildProcess.Start(ChildProcess.StartInfo(_directory, Command(asRoot, Path.Combine(bin, "postgres")), Arguments(
            asRoot,
            Path.Combine(bin, "postgres"),
            "-D", data,
            "-k", sockets,
            "-h", "127.0.0.1",
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-c", "fsync=off",
            "-c", "max_connections=50")));
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username={User};Database=postgres;Pooling=false;Timeout=5";
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postmaster is not null)
        {
            // The postmaster's own PID (runuser in between as root): SIGINT is PostgreSQL's fast shutdown.
            var pidFile = Path.Combine(_directory, "data", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                ChildProcess.RunToEnd(_directory, "/bin/kill", "-INT", pid.ToString(CultureInfo.InvariantCulture));
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }

            // Whatever is left of the tree, by PID.
            await _postmaster.DisposeAsync();
        }

        if (_directory.Length > 0)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                if (_postmaster!.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("PostgreSQL did not become ready:\n" + _postmaster.Output, e);
                }

                await Task.Delay(100);
            }
        }
    }

    private static string Command(bool asRoot, string program) => asRoot ? "/usr/sbin/runuser" : program;

    private static string[] Arguments(bool asRoot, string program, params string[] arguments)
        => asRoot ? ["-u", User, "--", program, .. arguments] : arguments;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
