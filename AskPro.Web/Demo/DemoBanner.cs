namespace AskPro.Web.Demo;

/// <summary>Tells the person who just ran the app where to go and how to log in.</summary>
public static class DemoBanner
{
    public static void Print(ICollection<string> urls, Uri? fakeRetell)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine($"""

            ==================================================================
             AskPro demo is running: {url}
             Salon Sonnenschein  {DemoData.Salon.AdminEmail} / {DemoData.Salon.AdminPassword}
             Salon (staff)       {DemoData.SalonTeamEmail} / {DemoData.SalonTeamPassword}
             Praxis Dr. Berg     {DemoData.Praxis.AdminEmail} / {DemoData.Praxis.AdminPassword}
             Platform admin      {DemoData.PlatformEmail} / {DemoData.PlatformPassword}
             REST API keys       {DemoData.Salon.ApiKey} / {DemoData.Praxis.ApiKey}
             Sign up a company   {url.TrimEnd('/')}/signup (agents go to the fake Retell: {fakeRetell?.ToString() ?? "Retell:ApiBaseUrl"})
            ==================================================================

            """);
    }
}
