using AskPro.Web;

// "restore <file> --yes" restores a backup instead of starting the portal.
if (args.Length > 0 && args[0] == "restore") return RestoreCommand.Run(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddAskPro();
var app = builder.Build();
app.UseAskPro();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
