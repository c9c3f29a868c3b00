using AskPro.Infrastructure.Operations.Backups;
using AskPro.Tests.Support;
using Npgsql;

namespace AskPro.Tests.Operations;

/// <summary>The database password never reaches pg_dump's or pg_restore's command line (anyone on
/// the machine can read a process's arguments with ps): it goes by PGPASSWORD in the child's
/// environment only. Proved twice: on the start info the backup builds for each tool, and by
/// running the real restore path against stand-in tools (shell scripts in place of pg_dump and
/// pg_restore) that record the arguments and environment they were really started with.</summary>
public sealed class PostgresToolsTests : IDisposable
{
    private const string Password = "Geheim-Pw-4711!";
    private const string Connection = $"Host=127.0.0.1;Port=5433;Username=askpro_backup;Password={Password};Database=askpro_live";

    private readonly string _bin = TestServices.NewTempDirectory("askpro-pgbin");

    public PostgresToolsTests()
    {
        // Each stand-in writes its arguments (one per line) and whether/what PGPASSWORD it got.
        foreach (var tool in (string[])["pg_dump", "pg_restore"])
        {
            var script = Path.Combine(_bin, tool);
            File.WriteAllText(script, "#!/bin/sh\nhere=$(dirname \"$0\")\nprintf '%s\\n' \"$@\" > \"$here/" + tool + ".args\"\n"
                + "printf '%s' \"$PGPASSWORD\" > \"$here/" + tool + ".password\"\ncat /proc/$$/cmdline > \"$here/" + tool + ".cmdline\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // shell scripts: Linux and macOS, like CI
        }
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Theory]
    [InlineData("pg_dump")]
    [InlineData("pg_restore")]
    public void The_start_info_carries_the_password_only_in_the_environment(string tool)
    {
        var start = new PostgresTools(new NpgsqlConnectionStringBuilder(Connection), _bin).StartInfo(tool, "askpro_live", ["--format=custom", "--file", "/tmp/x.dump"]);

        Assert.Equal(Path.Combine(_bin, tool), start.FileName);
        Assert.Empty(start.Arguments); // everything goes through ArgumentList, one argument each, no shell
        Assert.DoesNotContain(start.ArgumentList, a => a.Contains(Password) || a.Contains("Password=", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["--format=custom", "--file", "/tmp/x.dump", "--host", "127.0.0.1", "--port", "5433", "--username", "askpro_backup", "--no-password",
            "--dbname", "askpro_live"], start.ArgumentList);
        Assert.Equal(Password, start.Environment["PGPASSWORD"]);
    }

    [Fact]
    public async Task A_restore_starts_pg_restore_with_the_password_in_its_environment_not_its_command_line()
    {
        var backup = Path.Combine(_bin, "askpro-20261203-020000.dump");
        await File.WriteAllTextAsync(backup, "PGDMP stand-in");
        BackupChecksum.Write(backup);

        await new PostgresDatabaseBackup(Connection, _bin).RestoreAsync(backup, default);

        var arguments = await File.ReadAllLinesAsync(Path.Combine(_bin, "pg_restore.args"));
        var commandLine = (await File.ReadAllTextAsync(Path.Combine(_bin, "pg_restore.cmdline"))).Replace('\0', ' ');
        Assert.Contains(backup, arguments);
        Assert.Contains("--no-password", arguments);
        Assert.Equal("askpro_live", arguments[Array.IndexOf(arguments, "--dbname") + 1]);
        Assert.DoesNotContain(Password, string.Join("\n", arguments));
        Assert.Contains("--no-password", commandLine); // the process's real command line, as ps shows it
        Assert.DoesNotContain(Password, commandLine);
        Assert.Equal(Password, await File.ReadAllTextAsync(Path.Combine(_bin, "pg_restore.password")));
    }

    [Fact]
    public async Task A_failing_tool_is_reported_in_German_without_the_password()
    {
        File.WriteAllText(Path.Combine(_bin, "pg_restore"), "#!/bin/sh\necho 'pg_restore: error: connection refused' >&2\nexit 1\n");
        var backup = Path.Combine(_bin, "askpro-20261203-030000.dump");
        await File.WriteAllTextAsync(backup, "PGDMP stand-in");
        BackupChecksum.Write(backup);

        var failed = await Assert.ThrowsAsync<BackupToolException>(() => new PostgresDatabaseBackup(Connection, _bin).RestoreAsync(backup, default));

        Assert.Equal("pg_restore endete mit Code 1: pg_restore: error: connection refused", failed.Message);
        Assert.DoesNotContain(Password, failed.Message);
    }
}
