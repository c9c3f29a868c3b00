using AskPro.Web;

// "restore <file> --yes" restores a backup (--drill: only tests it) instead of starting the portal.
if (args.Length > 0 && args[0] == "restore") return await RestoreCommand.RunAsync(args[1..]);
// "send-demo-call [url]" replays a signed demo call to a running instance.
if (args.Length > 0 && args[0] == "send-demo-call") return await AskPro.Web.Webhooks.DemoCallSender.RunAsync(args[1..], Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddAskPro();
var app = builder.Build();
app.UseAskPro();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
