// Entry point required by dotnet-ef's startup project; the work is in DesignTimeFactories.
Console.WriteLine("AskPro design-time host: use it with dotnet-ef (see README, 'Adding a migration').");
