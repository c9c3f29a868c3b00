using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AskPro.Tests.Operations;

public sealed class DemoSeedingTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "AskPro.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Demo_data_is_refused_outside_Development(string environment)
    {
        var seeder = new DemoSeeder(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            new Environment(environment), TimeProvider.System, NullLogger<DemoSeeder>.Instance);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync(CancellationToken.None));
        Assert.Contains("Development", refused.Message);
    }

    [Fact]
    public void The_app_refuses_to_start_with_demo_seeding_outside_Development()
    {
        using var app = new ProductionHost();
        Assert.ThrowsAny<InvalidOperationException>(() => app.BaseAddress);
    }

    private sealed class ProductionHost : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        private readonly string _folder = TestServices.NewTempDirectory("askpro-prod");

        public ProductionHost() => UseKestrel(0);

        public Uri BaseAddress
        {
            get
            {
                StartServer();
                return ClientOptions.BaseAddress;
            }
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "askpro.db")}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Retell:ApiKey", "production-test-key");
        }
    }
}
