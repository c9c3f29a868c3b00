namespace AskPro.Tests.Support;

// Facts that skip (or, with ASKPRO_REQUIRE_SERVICES=1, fail) without the real servers; apart from
// TestServices so that file links into AskPro.Benchmarks, which has no xunit.

public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestServices.SkipUnless(TestServices.PostgresBin, "PostgreSQL (initdb/postgres)");
}

public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = TestServices.SkipUnless(TestServices.RedisServer, "redis-server");
}

public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = TestServices.SkipUnless(TestServices.Chromium, "Chromium");
}

public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestServices.SkipUnless(TestServices.PostgresBin, "PostgreSQL (initdb/postgres)");
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = TestServices.SkipUnless(TestServices.Chromium, "Chromium");
}

/// <summary>Needs both servers: several nodes share one PostgreSQL and one Redis.</summary>
public sealed class RedisPostgresFactAttribute : FactAttribute
{
    public RedisPostgresFactAttribute() => Skip = TestServices.SkipUnless(TestServices.PostgresBin, "PostgreSQL (initdb/postgres)")
        ?? TestServices.SkipUnless(TestServices.RedisServer, "redis-server");
}
